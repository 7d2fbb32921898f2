"""A customer who does not follow the bot's words (むずかしい ことば ばっかり で わからへん,
ヨク 分カラン。横文字 ガ 多イ。): no complaint and no distress, but a wish to be told plainly.
The bot apologises for its words and offers a person who can explain; a person asked for in
the same breath is that wish, not a complaint."""

from __future__ import annotations

import re

from madoguchi.nlu.reading import cue_places

# The bot's words, or what it said or wrote (not 意味わからん, which is more often a grumble).
_WORDS = (
    r"(?:ことば|言葉|コトバ|横文字|よこもじ|カタカナ語|かたかなご|説明|せつめい|言って(?:る|いる|ること)|いって(?:る|いる)こと|"
    r"言うて(?:る|はる)|ゆうて(?:る|はる)|書いて(?:ある|あること)|かいてあること|言い方|いいかた|用語|ようご)"
)
_NOT_FOLLOWED = (
    r"(?:わから|分から|わかん|分かん|わがん|わがら|分がら|わかりませ|分かりませ|むずかし|難し|むつかし|ややこし|"
    r"さっぱり|ちんぷんかんぷん|理解でき)"
)
NOT_FOLLOWED = re.compile(
    _WORDS + r"[^。!?！？]{0,15}?" + _NOT_FOLLOWED
    + r"|" + _NOT_FOLLOWED + r"[^。!?！？]{0,8}?" + _WORDS
    + r"|(?:横文字|よこもじ|カタカナ|かたかな|英語|えいご)[がはも]?(?:多|おお|ばっか|ばかり)"  # 横文字 ガ 多イ
    # もじ ばっかりで め が いたぐ なる; 字が小さくて読めん
    + r"|(?:文字|もじ|字)[がはも]?(?:ばっか|ばかり|多すぎ|おおすぎ|(?:小さ|ちいさ|ちっさ|細か|こまか)(?:くて|すぎ))"
)


def words_not_followed(text: str) -> bool:
    """The message says the bot's words or explanation were hard to follow (read in kana
    and without its spaces too)."""
    return NOT_FOLLOWED.search(cue_places(text)) is not None
