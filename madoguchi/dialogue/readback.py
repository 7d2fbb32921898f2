"""What a customer's answer to the catalog read-back means: fine as it is, a detail to
correct, or the request taken back. The request is stored before the read-back, so an
answer that is not understood changes nothing."""

from __future__ import annotations

import re

from madoguchi.dialogue.leaving import STOP_WORD, is_leaving
from madoguchi.text import nfkc

OK = "ok"
FIX = "fix"
STOP = "stop"

# Taking the request back outright, even with thanks in the same message.
_TAKE_BACK = re.compile(
    STOP_WORD + r"|止め|取り?消|とりけし|キャンセル|きゃんせる|いらな|要らな|いりませ|要りませ|もう(?:結構|けっこう|いい)|やっぱ(?:り)?(?:いい|いら|要ら|結構)"
)
_OK = re.compile(
    r"それで|これで|以上|ありがと|ありかと|有難|どうも|お願い|おねがい|大丈夫|だいじょう|おけ|おっけ|オッケ|ok|"
    r"了解|りょうかい|りょ$|(?:^|\s|、)(?:はい|ええ)|よろしく|宜しく|問題な|合って|あってま|間違いな|いいです|いいよ|でいい|結構です|よろしおす|"
    r"(?:送|おく)って\s*(?:ください|くださ|ほしい|もらえ)|"  # でんわ なし で おくって ください (round 2026-12-05j)
    r"\b(?:yes|opo|sim|hai)\b|salamat|obrigad|arigat"  # yes po, salamat po; sim, obrigado; hai, arigatou
)
_WRONG = re.compile(r"違|ちが|間違|まちが|直し|なおし|訂正|変更|変え|修正")
# 間違いないです, 違いありません: no correction.
_NOT_WRONG = re.compile(r"(?:間違|まちが|違|ちが)い(?:な|ありませ|ござ)")
# Which detail a correction names, in the order the form asks for them.
_FIELDS = (
    ("person_name", re.compile(r"名前|なまえ|宛名|あて名|氏名|漢字|字が")),
    ("postal_code", re.compile(r"郵便|〒|住所|じゅうしょ|番地|建物|部屋|マンション|アパート|号室")),
    ("phone", re.compile(r"電話|でんわ|携帯|けいたい")),
)


def fields_named(text: str) -> list[str]:
    """The details a correction names (住所が違います -> postal_code, the address follows it)."""
    norm = nfkc(text or "")
    return [slot for slot, words in _FIELDS if words.search(norm)]


def answer(text: str, intent: str) -> str | None:
    """OK, FIX or STOP for an answer to the read-back; None when it says none of them."""
    whole = nfkc(text or "").lower().strip()
    norm = _NOT_WRONG.sub("", whole)
    if _TAKE_BACK.search(norm) and not fields_named(norm):
        return STOP
    if _WRONG.search(norm):
        return FIX
    if intent == "deny" and (fields_named(norm) or not _OK.search(whole)):
        # a no read in 急がないのでふつうので大丈夫です、ありがとう is the 急がない: fine as it is
        return FIX
    if _OK.search(whole) or intent in ("affirm", "thank", "goodbye"):
        return OK
    if is_leaving(norm):
        return STOP
    return None
