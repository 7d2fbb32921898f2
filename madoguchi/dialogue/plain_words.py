"""A customer who does not follow the bot's words (むずかしい ことば ばっかり で わからへん,
ヨク 分カラン。横文字 ガ 多イ。): no complaint and no distress, but a wish to be told plainly.
The bot apologises for its words and offers a person who can explain; a person asked for in
the same breath is that wish, not a complaint. A customer who says the bot answered another
question (I didn't ask about のし!! I asked what's inside) is asked again, a person offered. A
customer who apologises for not knowing such things (こういうのよくわからんくて…年寄りだすけ、
ごめんなさいねー) is told to take their time and asked what they came for."""

from __future__ import annotations

import re

from madoguchi.nlu.cues import THE_MEDIUM
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
    # hmm I don't really understand the answer (round 2026-12-06d matsuno-bilung-13)
    + r"|(?i:(?:don'?t|do not|can'?t|cannot)\s+(?:really\s+)?(?:understand|follow)\s+(?:the|your|this|that)\s+"
    + r"(?:answer|reply|message|explanation|question|words)|what\s+do\s+you\s+mean"
    # sorry i cannot read kanji 🙏 your answer i dont understand (round 2026-12-07w masae-sunita-13)
    + r"|(?:answer|reply|message|explanation)\s+i\s+(?:don'?t|do not|can'?t|cannot)\s+(?:really\s+)?(?:understand|follow)"
    + r"|(?:can'?t|cannot|could\s?n[o']t)\s+read\s+(?:the\s+|your\s+)?(?:kanji|japanese))"
    + r"|(?:漢字|かんじ)[がはも]?(?:読め|よめ)(?:ない|ん|ませ|へん)"
)


def words_not_followed(text: str) -> bool:
    """The message says the bot's words or explanation were hard to follow (read in kana
    and without its spaces too)."""
    return NOT_FOLLOWED.search(cue_places(text)) is not None


# The bot answered another question than the one asked (la2, I didn't ask about のし!! I asked
# what's inside the sweets: round 2026-12-05z hatsuo-yasmin-17 in the replay; そんなこと聞いてない).
_ASKED_OTHER = re.compile(
    r"(?i:\b(?:didn'?t|did not|never) ask(?:ed)? (?:about|for)\b|\bnot what i (?:asked|meant|mean|said)\b"
    r"|\bthat'?s not (?:my question|what i)\b|\byou (?:misunderstood|got me wrong)\b)"
    r"|(?:そんな|そういう|その)こと(?:は)?(?:聞|き)いて(?:ない|ねえ|へん|おらん|ません|ないです)|(?:聞|き)いとらん"
    r"|質問(?:と|の)?(?:違|ちが)|(?:聞|き)きたいのは(?:そこ|それ)じゃ"
)
ASKED_AGAIN = (
    "失礼いたしました。ご質問を取り違えてしまい、申し訳ございません。お手数ですが、お知りになりたいことを"
    "もう一度お書きいただけますか。担当者におつなぎすることもできます。"
)


def answered_beside(text: str) -> bool:
    """The message says the bot answered another question than the one asked."""
    return _ASKED_OTHER.search(text) is not None


# Too old for chats and machines (the chat or machines spoken of are the triage's THE_MEDIUM), said
# with an apology or as the reason (round 2026-12-03zk noriko-samuel-13 in the replay, read as
# distress and handed off).
_AGED = re.compile(r"年寄り|としより|トシヨリ|老人|高齢|年(?:だ|なもん|やけ|じゃけ)|こういうもん|慣れ|なれて")
_SORRY_OR_UNUSED = re.compile(
    r"ごめん|すみません|すいません|すんません|申し訳|もうしわけ|堪忍|かんにん|慣れて(?:な|へ|ね|お)|不慣れ|苦手|にがて|"
    r"(?:よく|よう)?(?:わから|分から|わかん|分かん|わがん)"
)
TAKE_YOUR_TIME = (
    "ご丁寧にありがとうございます。どうぞゆっくりで大丈夫です。ご用件を短くお書きいただければ、こちらでお調べします"
    "（たとえば「カタログがほしい」「荷物がまだ届かない」）。担当者と話したいときは「人と話したい」とお書きください。"
)


def new_to_this(text: str) -> bool:
    """The message says the writer is not used to such things or too old for them, with an
    apology or a not knowing (read in kana and without spaces too)."""
    read = cue_places(text)
    new = THE_MEDIUM.search(read) is not None or _AGED.search(read) is not None
    return new and _SORRY_OR_UNUSED.search(read) is not None
