"""A late catalog the customer says was already sent again, or by 宅配便, and still has not
come (こないだこちらでお願いしたら、宅配便で二日くらいで届けますって言うてもろうたとです):
a second failure, told even when the shop's records do not show it. It deserves a person,
fast (situations.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from madoguchi.nlu.reading import cue_places

# Promised or done before, not asked for now (宅配便でお願いします is a request).
_PROMISED = (
    r"[^。！!？?]{0,24}?(?:って言|と言|といっ|っていわ|っていう|っていっ|って言う|ってゆ|言われ|いわれ|言うて|ゆうて|"
    r"もらった|もろうた|もろた|もらいました|いただいた|いただきました|頂いた|頂きました|くれた|くれました|"
    r"お願いした|おねがいした|お願いしました|おねがいしました|頼んだ|たのんだ|頼みました|たのみました|"
    r"送ってもらっ|届けますって|送りますって|送ったって|送りました|発送した|[するた](?:とのこと|との事|とのお話))(?!ら|たら)"
)
TOLD_AGAIN = re.compile(
    r"(?:宅配便|宅急便|たくはいびん|たっきゅうびん)" + _PROMISED
    + r"|(?:再送|送り直|おくりなお|送りなお|もう一度送|もういちど送|もういっぺん送|もう一回送|もういっかい送|改めて送|あらためて送)"
    + _PROMISED
    # カタログ頼んで二回も来んで (Bingo, round 2026-12-05zzl)
    + r"|(?:二回目|2回目|二度目|2度目|二度も|2度も|二回も|2回も|にかいも|今度も|またもや|それも|再送分も|再送したのも)[^。！!？?]{0,12}?"
    r"(?:届かな|届いてな|届きませ|来な|来てな|来ませ|こな|きてな|来ん|こん|来ね|こね)"
    # Last week you told me the catalog would come by takkyubin in two days (round 2026-12-05zza soma-aino-14)
    r"|(?i:(?:you|they|someone|your\s+(?:colleague|staff|shop))\s+(?:told|promised|said)(?:\s+(?:me|us))?"
    r"[^.!?]{0,60}?(?:takk?yu+bin|takuhaibin|by\s+courier|by\s+express))"
)

# Asked for twice and not come (2かい たのみました。… でも まだ きません).
ASKED_TWICE = re.compile(r"(?:2回|二回|にかい|2かい|2度|二度|にど)も?(?:頼|たの|申し?込|もうしこ|お願い|おねがい|請求)")
NOT_COME = re.compile(r"届かな|届いてな|届きませ|とどかな|とどいてな|とどきませ|来ない|来てない|来ません|こない|きてない|きません")


def told_second_failure(texts: Iterable[str]) -> bool:
    """One of the customer's messages says the catalog was already sent again (or by 宅配便),
    or asked for twice and still not come."""
    places = [cue_places(t) for t in texts]
    return any(TOLD_AGAIN.search(p) or (ASKED_TWICE.search(p) and NOT_COME.search(p)) for p in places)
