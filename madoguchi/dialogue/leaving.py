"""Whether the customer is leaving the question at hand: やめます, またにします, 今度にします,
やっぱりいいや, 結構です, 親に聞いてから…. One reading for every form that asks for details
(the catalog request, the late catalog, the order verification)."""

from __future__ import annotations

import re

from madoguchi.text import nfkc

LEAVING = re.compile(
    r"やめ|止め|もういい|もう結構|結構です|けっこうです|またにし|またにす|今度にす|こんどにす|また今度|またこんど|また後で|また改めて|"
    r"あとにし|後にし|後ほど|のちほど|今度にし|こんどにし|次にし|やっぱ(?:り)?いい|やっぱ(?:り)?結構|"
    r"やっぱ(?:り)?(?:いら|要ら)|(?:聞|き)いてから|(?:相談|確認)してから|"
    r"(?<!で)(?<!れば)(?<!たら)(?:いいです|大丈夫です)$"  # 送ってもらえればいいです asks for it
)


def is_leaving(text: str) -> bool:
    """The message says the customer does not want to go on now."""
    return bool(LEAVING.search(nfkc(text or "").strip()))
