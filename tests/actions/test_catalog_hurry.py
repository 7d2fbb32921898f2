"""A hurry told while a late catalog's request is looked up gets 宅配便, not a person."""

from __future__ import annotations

from actions.catalog_hurry import HEARD, only_a_hurry
from actions.handoff import ActionHandoff
from madoguchi.store import handoffs
from tests.actions.conftest import make_tracker, said, slot_sets, user
from tests.actions.test_catalog_late import validate_status

WEDDING = "娘の結婚式の引き菓子選ばなあかんくて、今月中に決めな間に合わへんのです。早よ送ってもらえたら"


def read_as(text: str, intent: str, **triage) -> dict:
    return user(text, intent, triage={"cues": [], **triage})


def in_lookup(message: dict):
    return make_tracker([message], active_loop="catalog_status_form", requested_slot="phone",
                        slots={"catalog_late": True})


async def test_a_hurry_read_as_distress_in_the_look_up_is_heard_and_the_look_up_goes_on(shop, dispatcher, domain):
    """Round k goro-emiko-02: the wedding mother of the situations went to a person as distress."""
    tracker = in_lookup(read_as(WEDDING, "express_distress", cues=["間に合わへん"]))
    events = await ActionHandoff().run(dispatcher, tracker, domain)
    assert dispatcher.messages[0]["text"] == HEARD and "宅配便" in HEARD
    assert slot_sets(events)["in_hurry"] is True
    assert [e.get("name") for e in events if e.get("event") == "followup"] == ["catalog_status_form"]
    assert handoffs.open_for(shop, "s1") is None


def test_more_than_a_hurry_is_no_hurry_alone():
    def reads(text, intent="express_distress", **triage):
        return only_a_hurry(in_lookup(read_as(text, intent, **triage)))

    assert reads(WEDDING, cues=["間に合わへん"])
    assert reads("母の誕生日もうすぐなんで、できれば早めに欲しいっす", "complain")
    assert not reads("急ぎなのに間に合わなかったらどうしよう、もう泣きそう", cues=["どうしよう", "泣きそう"])
    assert not reads("早くしろよ！いつまで待たせるんだ", "complain", anger=True)
    assert not reads("早めに欲しいです", "ask_gift")  # no handoff reading: the form hears it
    assert not reads("娘の結婚式なんです、どうしたらいいか", cues=["どうしたら"])  # no hurry said
    # a memorial's date is a calm deadline (round 2026-12-05e); an illness now is more than a hurry
    assert reads("兄の四十九日が12月20日じゃっで、早よ見て配るお菓子を選ばんと間に合わんとです", cues=["間に合わん"], grief=True)
    assert not reads("母が入院して危篤なんです、早くお見舞いを送らないと間に合わない", cues=["間に合わない"], grief=True)
    # a worry that it will not be in time (round 2026-12-05zzq haruji-tenzin-04); a worry alone is more
    worried = "We decide the お歳暮 at the ward meeting this Friday… so I am a little worried it will not be in time."
    assert reads(worried, cues=["不安で", "不安"])
    assert not reads("急いでるけど、不安で不安で", cues=["不安"])


async def test_a_hurry_heard_by_the_look_up_says_at_once_that_it_goes_by_parcel(late_shop, dispatcher, domain):
    slots, _ = await validate_status(dispatcher, domain, [("母の誕生日もうすぐなんで、できれば早めに欲しいっす", "ask_gift")],
                                     "phone", candidates={})
    assert slots["in_hurry"] is True
    assert said(dispatcher) == [HEARD]
