"""A grievance of the past told calmly first, as the reason for what the customer wants now
(前にも電話したんだけどさあ 二回; ok. last time my parcel was 4 days late and it was for a
birthday; 前に頼んだとき、そっちの手違いで三日も遅れたやろ: rounds 2026-12-05zzm, zzn and zzi, whose
writers all meant the wish that came next). The bot apologises and asks what it can do now;
what the customer says next decides (a person, an exception, a question, or the complaint told
again). A grievance that goes on now (まだ, still), told with a word of anger, a person asked
for, a goods problem or distress, is a complaint at once."""

from __future__ import annotations

import re
from typing import Any

from madoguchi.text import nfkc

# Words that put what went wrong in the past, not in this order.
PAST = re.compile(
    r"前に|前にも|まえに|前回|この前|こないだ|この間|以前|先月|去年|昨年"
    r"|(?i:\blast time\b|\bprevious(?:ly)?\b|\blast (?:month|year|order)\b|\bthe other day\b|\bonce before\b)"
)
# Words of a wrong still going on, or a demand about it: the complaint is now.
# A wrong told again (去年も似たようなことがありましたやんか。二度目ですで。どないなってますのや、お宅の
# 管理は: round 2026-12-05zzr michihiko-mbuyi-12) is one now too.
NOW = re.compile(
    r"まだ|未だ|いまだ|今も|いまも|今回も|また[^ 　]{0,3}(?:遅|おく|来な|こな|届かな)|どうしてくれ|どうなって|責任|謝れ|あやまれ"
    r"|(?:二|2|三|3)(?:度|回)(?:目|も)|どないなって|どげんなって|どがいなって|管理|同じこと|同じような|似たような"
    r"|(?i:\bstill\b|\byet\b|\bagain\b|\bresponsib|\bunacceptable\b|\bsecond time\b|\btwice\b)"
)
# The bot's answer: sorry for then, and what can it do now.
HEARD = "以前ご迷惑をおかけしたとのこと、誠に申し訳ございません。今回はどのようなご用件でしょうか。"


def told_as_context(text: str, triage: dict[str, Any], earlier_intents: list[str], goods: bool) -> bool:
    """The message (read as a complaint) tells calmly of something that went wrong before,
    the first complaint of the conversation: no word of anger, no person asked for, no goods
    problem (`goods`), no distress, nothing still going wrong now."""
    plain = nfkc(text)
    return (
        bool(PAST.search(plain)) and not NOW.search(plain)
        and not (triage.get("anger") or triage.get("person") or triage.get("cues") or goods)
        and "complain" not in earlier_intents
    )
