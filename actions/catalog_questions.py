"""Questions about the catalog itself asked while it is being requested: what it costs
(nothing, postage included), what is in it (the shop's sweets with their prices), how soon
it comes; and a question the model did not read that names a subject the bot answers (内祝
は なん ですか？). The answer comes from the shop's rules and products; the form then goes on."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common
from actions.info import answer_question
from madoguchi.answers import days_text
from madoguchi.dialogue.follow_up import topic_of
from madoguchi.handoff.reasons import has_cue
from madoguchi.products import product_catalog
from madoguchi.text import nfkc

FREE = "utter_catalog_free"  # カタログは無料です。お代も送料もかかりません。

# カタログはお代がかかりますか, 金がかかるのか, 無料ですか, ただだべか; about the catalog: 送料 too.
_PRICE = re.compile(
    r"お代|代金|料金|お金|金が|金は|無料|タダ|ただ(?:です|で|だべ|だか|なの|なん)|有料|費用|いくら|"
    r"金(?:って)?(?:かか|かが|いる|要る)|かね(?:が|は|って)?(?:かか|かが)"  # 金かかるんだば, おかね かがるがの (Shonai)
    r"|おだい(?:が|は|も|って|かか|いる)|だいきん|りょうきん|むりょう|ゆうりょう"  # かたろぐは おだいが いるんでしょうか
)
_POSTAGE = re.compile(r"送料|郵送料|切手")
# カタログって値段も載ってますか, 写真はありますか, どんな商品が載ってるの.
_CONTENTS = re.compile(r"載って|のって|載せ|掲載|書いて|出て(?:る|い|ま)|どんな|何が|なにが|写真|値段|価格|商品")
# 何日くらいで届きますか, いつ届く.
_WHEN = re.compile(r"何日|なんにち|いつ(?:頃|ごろ)?(?:届|着|来|く)|どのくらいで|どれくらいで|どのぐらいで|日数")
_QUESTION = re.compile(r"[?？]|か[。.]?$|の[?？。]?$|かね|かな|でしょう|ますか|ですか|る[?？]?$")


def asks_the_price(text: str) -> bool:
    """カタログはお代がかかりますか, 金がかかるのか, 無料ですか, カタログって送料かかる？"""
    norm = re.sub(r"\s+", "", nfkc(text or ""))  # かたろぐって おかね かがるがの
    return bool(_PRICE.search(norm)) or (_about_catalog(norm) and bool(_POSTAGE.search(norm)))


def answers(text: str) -> list[str]:
    """What to say to the catalog questions in the message (responses as `utter_…`, texts
    as they are), in the order price, contents, arrival; empty when it asks none."""
    norm = nfkc(text or "")
    said: list[str] = [FREE] if asks_the_price(norm) else []
    asked = _about_catalog(norm) and bool(_QUESTION.search(norm))
    if asked and _CONTENTS.search(norm) and not _POSTAGE.search(norm):
        said.append(contents_text())
    if asked and _WHEN.search(norm):
        said.append(arrival_days_text())
    return said


def contents_text() -> str:
    """はい、カタログには当店のお菓子をお値段とともにご紹介しております。…"""
    products = product_catalog().products
    example = f"たとえば「{products[0].name}」は{products[0].price:,}円です。" if products else ""
    return f"はい、カタログには当店のお菓子を、お値段とともにご紹介しております。{example}"


def arrival_days_text() -> str:
    """カタログはメール便で3〜7日ほど、お急ぎでしたら宅配便で2日ほどでお届けします。"""
    rules = common.rules()
    usual = rules.catalog_methods[rules.catalog_default_method]
    faster = next((m for k, m in rules.catalog_methods.items() if k != rules.catalog_default_method), None)
    text = f"カタログは{usual.label}で{days_text(usual.days)}ほどでお届けします"
    if faster:
        text += f"。お急ぎでしたら{faster.label}（無料）で{days_text(faster.days)}ほどでお届けします"
    return text + "。"


def _about_catalog(norm: str) -> bool:
    return has_cue(norm, common.rules().cues.get("catalog", []))


def say_answers(dispatcher: CollectingDispatcher, text: str) -> None:
    """Answers the questions about the catalog itself in the message."""
    for answer in answers(text):
        if answer.startswith("utter_"):
            dispatcher.utter_message(response=answer)
        else:
            dispatcher.utter_message(text=answer)


def answered_unread(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """Answers a message not understood inside the form for the gift, shipping or product
    subject it names (内祝 は なん ですか？ had been taken for a wrong postal code, round
    2026-12-05zz); False when it names none."""
    topic = topic_of(text)
    if topic not in ("ask_gift", "ask_shipping", "ask_product"):
        return False
    answer_question(dispatcher, topic, tracker)
    return True
