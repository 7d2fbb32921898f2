"""A detail given out of the blue (a name, a postal code, an address, a phone, with no
question pending): the customer is asked what it is for, with the flows that take it as
buttons, instead of a bare 「承知いたしました」 that stores nothing. A name given with a greeting
(おはようございます、シャルマと申します) is a greeting: the customer is greeted by name and asked
what they need, and the flow that follows takes the name; so is a greeting read as one
(`action_greet`)."""

from __future__ import annotations

import re

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.misread import verification_answered_early
from actions.verification_start import begin_verification, resume_verification
from madoguchi.dialogue.delivery_date import written_date
from madoguchi.handoff.reasons import exception_kind, has_cue

DETAIL_NAMES = {"person_name": "お名前", "postal_code": "郵便番号", "address": "ご住所", "phone": "お電話番号"}
ASKED = "utter_detail_what_for"
ASKED_AGAIN = "utter_detail_what_for_again"
GREETED = "utter_greet_by_name"
# A message that opens with a greeting (こんにちは。名古屋の加藤と申します; お疲れ様です、…).
OPENS_WITH_GREETING = re.compile(
    r"^\s*(?:こんにちは|こんにちわ|こんばんは|こんばんわ|おはよう|はじめまして|初めまして|お世話になって|お世話になります"
    r"|お疲れ様|おつかれさま|お疲れさま|もしもし|どうも|ごめんください)"
)


def details_in(tracker: Tracker) -> list[str]:
    """The kinds of detail the latest message gives, in the order of DETAIL_NAMES."""
    kinds = {e.get("entity") for e in tracker.latest_message.get("entities") or []}
    return [k for k in DETAIL_NAMES if k in kinds]


def date_for_the_order(tracker: Tracker) -> bool:
    """A date given right after the status of the order the customer proved was told (Friday
    12月11日 after 18時 is good for me, round 2026-12-05zzl): a new delivery date for it."""
    dated = any(e.get("entity") == "date" for e in tracker.latest_message.get("entities") or [])
    return dated and bool(tracker.get_slot("verified_order_id")) and not tracker.get_slot("order_task")


def date_asked_as_a_favour(tracker: Tracker) -> bool:
    """The new delivery date the bot asks for, given as a favour asked (水曜にしてもらえん？休みだもんで,
    request_exception 0.85, round 2026-12-07a narumi-aishath-02): the answer, no exception to the
    rules (none of their cues: no discount, no free shipping, no same day far away)."""
    dated = any(e.get("entity") == "date" for e in tracker.latest_message.get("entities") or [])
    return (
        dated and tracker.active_loop_name == "order_change_form"
        and tracker.get_slot("requested_slot") == "change_detail" and tracker.get_slot("change_kind") == "date"
        and common.latest_intent(tracker) == "request_exception"
        and exception_kind(common.rules(), common.latest_text(tracker), common.latest_lemmas(tracker)) is None
    )


# Where to send it, said with an address (please send it to my studio: 福岡市…, ここに送って).
SENT_TO = re.compile(
    r"(?i:\b(?:send|deliver|ship)\s+(?:it|them|the\s+\w+)?\s*(?:to|instead)\b|\binstead\b)|送って|届けて|送り先|届け先|お届け先|変更"
)


def address_for_the_order(tracker: Tracker) -> bool:
    """An address given right after the status of the order the customer proved was told, as
    where to send it (please send it to my studio: 福岡市…, round 2026-12-05zzs tokuma-nohea-18):
    a new address for it."""
    addressed = any(e.get("entity") == "address" for e in tracker.latest_message.get("entities") or [])
    return (addressed and bool(SENT_TO.search(common.latest_text(tracker)))
            and bool(tracker.get_slot("verified_order_id")) and not tracker.get_slot("order_task"))


# A question about when (when will it come, 12/11?): no date asked for. A request put as a
# question (12月11日にしていただけますか？) asks for one.
ASKS_WHEN = re.compile(r"(?i:\bwhen\b)|いつ")


def asks_for_a_date(text: str) -> bool:
    """A month and day written as wanted (not tomorrow, nor a question about when)."""
    return written_date(text, common.now().date()) is not None and not ASKS_WHEN.search(text)


def phone_for_the_order(tracker: Tracker) -> bool:
    """A phone given after the customer refused it in the order verification and was offered a
    person (しょうがねえな… ０９０１２３４５６７８, round 2026-12-05zzh kenzaburo-ivana-13): the
    verification goes on with the order number given before."""
    return (
        "phone" in details_in(tracker) and bool(tracker.get_slot("order_id"))
        and not tracker.get_slot("verified_order_id") and bool(tracker.get_slot("person_offered"))
    )


def catalog_asked_aside(tracker: Tracker) -> bool:
    """The customer asked for the catalog in a message the bot read as something else (カタログ
    欲シイ。大島ダ。島マデ何日デ着クダラ, answered as a shipping question, round 2026-12-05zzu
    sakichi-arami-01), and no catalog form has run in this conversation: the details that follow
    are for it."""
    events = common.event_dicts(tracker)
    formed = any(e.get("event") == "active_loop" and e.get("name") == "catalog_form" for e in events)
    if formed or tracker.get_slot("catalog_late"):
        return False  # カタログ頼んだのにまだ来ない: the late catalog's own look-up takes the details
    catalog = common.rules().cues.get("catalog", [])
    # the catalog named, and its request among the classifier's next readings (not its first)
    return any(
        has_cue(e.get("text") or "", catalog)
        and "request_catalog" in [r.get("name") for r in ((e.get("parse_data") or {}).get("intent_ranking") or [])[1:3]]
        for e in events[:-1] if e.get("event") == "user"
    )


def asked_before(tracker: Tracker) -> bool:
    """The bot already asked what a detail was for in this conversation."""
    return any(
        e.get("event") == "bot" and (e.get("metadata") or {}).get("utter_action") in (ASKED, ASKED_AGAIN, GREETED)
        for e in tracker.events
    )


def name_given(tracker: Tracker) -> str | None:
    """The person's name the latest message gives, if any."""
    return next((e.get("value") for e in tracker.latest_message.get("entities") or []
                 if e.get("entity") == "person_name"), None)


class ActionGreet(Action):
    """Greets the customer, by name when the greeting gave one (こんにちは。加賀谷と申します):
    the flow that follows takes the name (`details_waiting`)."""

    def name(self) -> str:
        return "action_greet"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        name = name_given(tracker)
        if name:
            dispatcher.utter_message(response=GREETED, name=name)
        else:
            dispatcher.utter_message(response="utter_greet")
        return []


class ActionDetailOutOfContext(Action):
    """Asks what a detail given with no question pending is for (a catalog, an order, a
    person); a message with no detail in it is acknowledged as before."""

    def name(self) -> str:
        return "action_detail_out_of_context"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        early = verification_answered_early(tracker)
        if early:  # 番号 ナド 言ハヌ。…阿部 ダ。: the number refused, a name given for it
            return begin_verification(early)
        if date_for_the_order(tracker) or address_for_the_order(tracker):  # changed by the bot while not shipped
            return [SlotSet("order_task", "change"), FollowupAction("action_order_result")]
        if phone_for_the_order(tracker):  # しょうがねえな… 090…: refused, then given after all
            return resume_verification()
        details = details_in(tracker)
        if not details:
            if not tracker.active_loop_name:  # in a form, its question follows: no "anything else?" before it
                dispatcher.utter_message(response="utter_anything_else")
            return []
        if catalog_asked_aside(tracker):  # カタログ欲シイ…何日デ着クダラ, then 藤井 佐吉: the catalog begins
            dispatcher.utter_message(response="utter_catalog_start")
            return [FollowupAction("catalog_form")]
        name = name_given(tracker)
        if details == ["person_name"] and name and OPENS_WITH_GREETING.match(tracker.latest_message.get("text") or ""):
            dispatcher.utter_message(response=GREETED, name=name)
            return []
        named = "と".join(DETAIL_NAMES[d] for d in details)
        dispatcher.utter_message(response=ASKED_AGAIN if asked_before(tracker) else ASKED, details=named)
        return []


def details_waiting(tracker: Tracker) -> set[str]:
    """The kinds of detail the customer's message before the latest one gave, when the bot
    only asked what they were for (たびたびすみません、日高です, then what it is about): the
    task that follows takes them instead of asking again."""
    asked = False
    for event in reversed(tracker.events[:-1] if tracker.events and tracker.events[-1].get("event") == "user" else tracker.events):
        kind = event.get("event")
        if kind == "bot" and (event.get("metadata") or {}).get("utter_action") in (ASKED, ASKED_AGAIN, GREETED):
            asked = True
        elif kind == "user":
            if not asked:
                return set()
            entities = (event.get("parse_data") or {}).get("entities") or []
            return {e.get("entity") for e in entities} & set(DETAIL_NAMES)
    return set()
