"""A greeting that opens a message with a request after it (こんにちは。注文した おかしが まだ
こんのですが): the request is what the customer came for. The classifier reads the words
that come first as much as the rest, so the part after the greeting is read on its own too."""

from __future__ import annotations

import re

import jaconv

OPENING_WORDS = (  # the greeting words that open a message, wherever they stand
    r"\s*(?:(?:こん(?:にち|ち)[はわ]|こんばん[はわ]|おはよう(?:ございます)?|はじめまして|もしもし|はいさい|"
    r"ごめんください(?:まし)?|まいど|おばんです|おばんでございます|お世話になって(?:おり|い)ます|お世話になります|おせわになって(?:おり|い)ます|"
    # どうも。お歳暮ば送りたいっちゃけど (round zze): どうも and a stop (not どうもどうも！また来たでー)
    r"どうも(?=[。、,])|"
    r"hello|hi|hey|ハロー|コンニチハ)[\s、。,.!！?？~〜ー…・☆★♪]*)+"
)
OPENING = re.compile("^" + OPENING_WORDS, re.IGNORECASE)
# A message that opens the talk (もしもし これで よかとかな; おつかれっす; 前略　失礼いたします。お尋ね
# したき儀が…; おはようございます　朝早うから　失礼いたします; 初冬の候、…お過ごしのことと存じます;
# おつです), and words that close it.
OPENS_TALK = re.compile(
    r"^\s*(?:もしもし|前略|拝啓|謹啓|[^\s、。]{1,4}の候(?!補)|お疲れ(?:様|さま)?(?:です|っす)|おつかれ(?:さま)?(?:です|っす)|おつ(?:です|っす)|"
    r"ごめんください|はじめまして|"
    r"初めまして|おはよう?|こん(?:にち|ち)[はわ]|こんばん[はわ]|突然の?ご?連絡|"  # こんちは (round 2026-12-07k)
    r"(?:いつも)?(?:大変)?お世話になって(?:おり|い)ます|お世話になります|おせわになって(?:おり|い)ます|"  # ユスポワと申します (round zv)
    r"(?:たびたび|度々)\s*(?:すみません|すいません|申し訳|失礼))"  # たびたび　すみません。　坂東です。 (round y)
)
# Words that leave the talk for now (また注文するときよろしくね, ほなまた, では失礼): a goodbye the
# classifier did not read is said goodbye to on these alone (`actions.misread`).
LEAVES_FOR_NOW = (
    r"また(?:ね|な|今度|こんど|後で|あとで|の機会|よろしく|来ます|きます|注文|ちゅうもん|頼|たの|\s*(?:れんらく|連絡|ご連絡))|"
    r"さよう|さいなら|ほな(?:ね|な|また)|じゃあね|おやすみ|(?:では|それでは|これで|ほんなら)失礼"
)
CLOSES_TALK = re.compile(rf"でした|ありがと|有難|お先に|落ち|おちま|おちる|{LEAVES_FOR_NOW}")


def opens_the_talk(text: str) -> bool:
    """The message opens the talk and says nothing of closing it, in katakana too (モシモシ
    キコエチョイモスカ, as a customer with poor eyesight writes)."""
    read = jaconv.kata2hira(text or "")
    return OPENS_TALK.match(read) is not None and CLOSES_TALK.search(read) is None


# What must follow the greeting for it to be a request: a few letters, not a courtesy alone.
_LETTERS = re.compile(r"[\W_]+")
COURTESY_ONLY = re.compile(r"^(?:よろしく(?:お願い|おねがい)(?:します|いたします|致します)?|どうも|ありがとう(?:ございます)?)$")


def after_greeting(text: str) -> str | None:
    """The part of the message after an opening greeting, or None when there is no greeting
    or nothing but a courtesy after it."""
    found = OPENING.match(text or "")
    if not found:
        return None
    rest = text[found.end():]
    letters = _LETTERS.sub("", rest)
    if len(letters) < 6 or COURTESY_ONLY.match(letters):
        return None
    return rest
