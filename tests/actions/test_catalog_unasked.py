"""A catalog request nobody asked for (a gift wish misread) is let go after the question."""

from __future__ import annotations

from actions.info import ActionAnswerGift
from tests.actions.conftest import make_tracker, user

FORM_BEGUN = {"event": "active_loop", "name": "catalog_form"}


def in_form(first: str, then: str):
    return make_tracker([user(first, "request_catalog"), FORM_BEGUN, user(then, "ask_gift")],
                        active_loop="catalog_form", requested_slot="person_name")


async def test_a_gift_wish_read_as_a_catalog_request_is_let_go_after_the_answer(shop, dispatcher, domain):
    """Round 2026-12-02zd kaoru-nattapong-06: the name was asked until a person was called."""
    tracker = in_form("hello, I want send sweets to my Japanese friend family",
                      "her father passed away last month. お供えのお菓子です")
    events = await ActionAnswerGift().run(dispatcher, tracker, domain)
    assert {"event": "active_loop", "name": None} in [{"event": e["event"], "name": e.get("name")} for e in events
                                                      if e["event"] == "active_loop"]
    assert dispatcher.messages[-1]["text"].startswith("カタログのお申し込みは")


async def test_a_catalog_asked_for_in_words_stays_after_a_side_question(shop, dispatcher, domain):
    tracker = in_form("型ログを送ってもらえるかえ", "のしはつけられますか")  # by voice input (round mitsuyo-farhan-20)
    events = await ActionAnswerGift().run(dispatcher, tracker, domain)
    assert not [e for e in events if e["event"] == "active_loop"]
