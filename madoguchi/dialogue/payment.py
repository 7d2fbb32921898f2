"""A question about paying (海外送金 ok?, can I pay by bank transfer?): the shop's rules say
nothing of it and the bot does not guess; it says a person will explain and offers one,
instead of "only questions about the shop" (round 2026-12-05u tamiko-kamal-13)."""

from __future__ import annotations

import re

from madoguchi.nlu.reading import as_read
from madoguchi.text import nfkc

_PAYMENT = re.compile(
    r"支払|支拂|払い方|はらいかた|お?振り?込|ふりこみ|代引|代金引換|クレジット|カード払|カードで払|銀行振|海外送金|"
    r"コンビニ払|後払い|請求書払|paypay|ペイペイ|(?i:\bpayment|\bpay by|\bpay with|\bpay from|\bbank transfer|"
    r"\bcredit card|\bdebit card|\bpaypal|\bwire transfer|\bcash on delivery)"
)
# Paid twice, or money back: a problem with a payment made, for the rules of the handoff.
_PAID_ALREADY = re.compile(r"二回払|2回払|二重|返金|払い戻|(?i:\brefund|\bpaid twice|\bcharged twice)")


def asks_about_paying(text: str) -> bool:
    """The message asks how to pay (not about a payment made)."""
    plain = nfkc(text or "")
    seen = f"{plain}\n{as_read(plain)}"
    return _PAYMENT.search(seen) is not None and _PAID_ALREADY.search(seen) is None
