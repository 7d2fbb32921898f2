"""Anger in a refusal beyond an irritated "why": なんで毎回聞く, めんどくさい only ask why or sigh
(the bot explains, and offers a person the second time); ふざけんな, いい加減に is anger."""

from __future__ import annotations

import re

from madoguchi.handoff.reasons import COURTESY, spaceless
from madoguchi.shop.rules import shop_rules
from madoguchi.text import nfkc

# Words of anger that, in a refusal, only ask why or sigh.
ASKING_WHY = ("なんで", "何で", "めんどくさ", "面倒くさ", "めんどい", "いちいち", "何回も聞", "何度も聞", "なんかいもき", "なんどもき",
              # a huff (u have all my data. just look it up, i'm busy po 😤, round 2026-12-07n tsuneo-arnel-17)
              "😤")
# Wariness of fraud in the world (詐欺 ノ 多イ 世ノ中 ダ), no charge against the shop (詐欺みたい).
WARY_OF_FRAUD = re.compile(r"詐欺(?:の|が|も|ノ|ガ|モ)?(?:多|おお|オオ|怖|こわ|コワ|心配|しんぱい|流行|はや|注意|ちゅうい|被害)")
# Calls or mails of fraudsters, the reason a phone is refused (さぎの でんわが しょっちゅう かかってくんだ
# おっかねぇ: round 2026-12-05zzh kenzaburo-ivana-13); not うさぎ.
FRAUD_CALLS = re.compile(
    r"(?:詐欺|(?<![ぁ-ゖ])さぎ|サギ)[ 　]*(?:の|が|も|ノ|ガ)?[ 　]*(?:電話|でんわ|デンワ|メール|めーる|業者)|(?i:\bscam|\bfraud)"
)


# Worry about a number written in a chat (電話番号をチャットに書くのは少し不安です… privacy が心配です,
# round 2026-12-05zzy yaichi-firuza-17): a refusal's reason, no distress.
WARY_OF_SHARING = re.compile(
    r"個人情報|プライバシー|ぷらいばしー|(?i:privacy|\bprivate\b)"
    r"|(?:書く|かく|教える|おしえる|載せる|のせる|送る|入力する|打つ)の(?:は|が|も)[^。！？!?]{0,6}(?:不安|心配|怖|こわ|コワ|抵抗)"
)


def wary_of_sharing(text: str) -> bool:
    """The message worries about giving a number in the chat: privacy, no trouble."""
    return WARY_OF_SHARING.search(spaceless(text)) is not None


def wary_of_giving(text: str) -> bool:
    """A phone or number refused for fear of fraud or for privacy: a refusal's reason."""
    return wary_of_fraud(text) or wary_of_sharing(text)


def wary_of_fraud(text: str) -> bool:
    """The message speaks of fraudsters' calls or of fraud in the world (詐欺が多い), no charge
    against the shop."""
    return bool(WARY_OF_FRAUD.search(spaceless(text)) or FRAUD_CALLS.search(nfkc(text)))



def angry_beyond_asking_why(text: str) -> bool:
    """A word of anger in the message other than an irritated "why", a sigh (ふざけんな,
    いい加減に) or a wariness of fraud."""
    joined = WARY_OF_FRAUD.sub("", COURTESY.sub("", spaceless(text)))
    for why in ASKING_WHY:
        joined = joined.replace(why, "")
    return any(w in joined for w in (spaceless(a) for a in shop_rules().cues.get("anger", [])))
