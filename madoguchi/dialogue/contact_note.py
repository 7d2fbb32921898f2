"""How a customer wants to be reached, told as a note to a catalog request (電話での確認は
不要です。耳が聞こえないので、連絡が必要な場合はチャットでお願いします): read as a wish for a
person, it had handed a deaf customer to an operator and offered her a phone call."""

from __future__ import annotations

import re

from madoguchi.text import nfkc

# No phone calls, or contact by chat (or mail) only.
CHAT_ONLY = re.compile(
    r"(?:電話|でんわ)(?:での|で|の|は|に)?(?:確認|連絡|れんらく|かくにん)?(?:は|も)?\s*"
    r"(?:不要|いらない|いりません|要りません|結構|けっこう|しないで|やめて|ご遠慮|出られ|でられ|出れ|でれ|聞こえ|きこえ)"
    r"|耳が(?:聞こえ|きこえ|不自由|ふじゆう)|(?:チャット|ちゃっと|メール|めーる|文字|もじ)で(?:お願い|おねがい|連絡|れんらく|ください|下さい)"
)
NOTE = "お電話での連絡は不要（ご連絡はチャットで）"


def asks_chat_only(text: str | None) -> bool:
    """The message asks not to be called, or to be contacted in writing only."""
    return CHAT_ONLY.search(nfkc(text or "")) is not None
