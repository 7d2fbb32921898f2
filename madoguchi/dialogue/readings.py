"""The two readings the bot hesitated between, offered to the customer as buttons when it did not
understand a message."""

from __future__ import annotations

from typing import Any


# What a customer would click for each reading the bot can act on: (button, what it sends).
READINGS = {
    "request_catalog": ("カタログを送ってほしい", "カタログを送ってほしいです"),
    "ask_delivery_status": ("注文した品・カタログがいつ届くか", "注文した品がいつ届くか知りたいです"),
    "ask_shipping": ("送料やお届け日数", "送料とお届け日数を知りたいです"),
    "ask_gift": ("のし・包装・贈り物について", "のしや包装について知りたいです"),
    "ask_product": ("商品（日持ち・原材料・おすすめ）", "商品について知りたいです"),
    "change_order": ("注文の変更・キャンセル", "注文を変更したいです"),
    "request_human": ("担当者と話したい", "担当者と話したいです"),
}
SECOND_READING = 0.15  # the second reading must be this likely to be offered


def likely_readings(message: dict[str, Any]) -> list[tuple[str, str]]:
    """The two readings the bot hesitated between, as buttons, when both are tasks it can
    act on and the second is not far-fetched; empty otherwise."""
    ranking = [r for r in message.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    top = [r for r in ranking[:2] if r.get("name") in READINGS]
    if len(top) < 2 or float(top[1].get("confidence") or 0.0) < SECOND_READING:
        return []
    return [READINGS[r["name"]] for r in top]
