"""A catalog asked for earlier that has not come: find the request, say what became of it,
send it again by 宅配便, and call a person when even that went wrong."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.catalog_hurry import HEARD
from actions.conversation import ANXIOUS_INTENTS, anxious, customer_texts, hurry_reading
from actions.catalog_asks import asked_since_the_name
from actions.catalog_names import NameAskedExtraction, name_written_in_lookup
from actions.catalog_phone import NO_PHONE
from actions.catalog_second import second_failure_told
from actions.details import details_waiting
from actions.takeover import hand_off
from madoguchi.dialogue.second_failure import told_second_failure
from madoguchi.dialogue.signature import signature_of, without_signature
from madoguchi.address import bare_postal_code, given_for_new_request, lookup_postal_code, whole_address
from madoguchi.clock import JST
from madoguchi.dialogue.leaving import is_leaving
from madoguchi.dialogue.written import name_as_written
from madoguchi.nlu.cues import HANDOFF_INTENTS
from madoguchi.nlu.patterns import find_phones, find_postal_codes
from madoguchi.nlu.reading import cue_places
from madoguchi.handoff.reasons import has_cue
from madoguchi.shop import calendar
from madoguchi.store import catalog_requests
from madoguchi.store.models import CatalogRequest
from madoguchi.text import folded, nfkc

LATE_INTENTS = ("ask_delivery_status", "express_distress", "request_catalog", "complain")  # domain: catalog_late
RESEND = re.compile(
    r"もう一度|もういちど|もう1度|もういっぺん|もう一遍|もう一回|もう1回|もういっかい|もいっかい|もっかい|"
    r"再送|送り直|おくりなお|送りなお|改めて送|あらためて送|"
    # また送ってもらえる, in Tohoku voicing まだおくってもらえるべか (not まだ送ってもらってない)
    r"(?:また|まだ)(?:送|おく)って(?:もらえ|くだ|くれ|けろ|けへ|ほし|ちょう)"
)
# Asking to have it sent (again): never leaving the look-up.
SEND = re.compile(RESEND.pattern + r"|送って|おくって|送付|お送り|送れ|おくれ")
NOTED = "承知いたしました。お送りするために、まずお申し込みの記録をお調べします。"
LATE_SLOTS = ("catalog_late", "catalog_next", "catalog_choice", "catalog_resend_of", "catalog_note")


# A catalog asked for before (a first request that says まだ持っていない is none).
EARLIER = re.compile(
    r"頼んだ|たのんだ|頼んで|たのんで|申し込ん|もうしこん|申込ん|お願いした|おねがいした|請求した|送ってもら|"
    r"届くはず|先月|先週|前に|まえに|以前|この間|このあいだ|こないだ|この前|"
    r"また(?:来|こ|届|とど|着)(?:な|ね|ん|ま)"  # カタログ　また来ねぇ: not come, again
    r"|asked for|requested|i ordered|applied|(?:weeks?|days?|months?) ago|last (?:week|month)"  # in English
)
# No hurry, not lateness: いつ届いてもいいよ.
ANYTIME = re.compile(r"いつ(?:届いて|とどいて|来て|きて|着いて|ついて|になって)も|いつでも")


def is_late_catalog(intent: str, text: str) -> bool:
    """The message says a catalog asked for earlier has not come (in romaji too)."""
    cues = common.rules().cues
    if not has_cue(text, cues.get("catalog", [])):
        return False
    if intent == "ask_delivery_status":
        return True
    places = cue_places(text)
    if intent == "request_catalog" and not EARLIER.search(places):
        return False
    struck = ANYTIME.sub("", places)  # the places read once; no cue found across them
    return any(folded(w) in struck for w in cues.get("not_arrived", []))


def follows_late(tracker: Tracker) -> bool:
    """"Send it again" (もう一度送れ) right after a message that said the catalog has not come,
    whatever that one was read as (a question back in between does not matter)."""
    texts = customer_texts(tracker)
    if len(texts) < 2 or not RESEND.search(nfkc(texts[-1])):
        return False
    return is_late_catalog("ask_delivery_status", texts[-2]) and has_cue(texts[-2], common.rules().cues.get("not_arrived", []))


# An order's words: a parcel that has not come after a word of the catalog may be an order.
ORDER_WORDS = re.compile(r"注文|ちゅうもん|品物|しなもの|商品|お菓子|おかし|荷物|にもつ|お歳暮|おせいぼ|ギフト")
# An order named outright: the talk turns from the catalog to an order.
ORDER_NAMED = re.compile(r"注文|ちゅうもん|品物|しなもの|商品|荷物|にもつ")


def follows_catalog_talk(tracker: Tracker) -> bool:
    """"It has not come" (まだ こねの) with no word of what, right after the customer spoke of
    the catalog (かたろぐの ことだども) or inside its request, asked or complained of: the
    catalog, not an order."""
    texts = customer_texts(tracker)
    intent = common.latest_intent(tracker)
    if intent not in LATE_INTENTS or not texts or ORDER_WORDS.search(nfkc(texts[-1])):
        return False
    if intent != "ask_delivery_status" and not has_cue(texts[-1], common.rules().cues.get("not_arrived", [])):
        return False  # まだ届いてないです。もう4時すぎてるし… read as a complaint: said not come
    if any(e.get("entity") == "order_id" for e in tracker.latest_message.get("entities") or []):
        return False
    cues = common.rules().cues.get("catalog", [])
    return tracker.active_loop_name == "catalog_form" or (len(texts) >= 2 and has_cue(texts[-2], cues))


def local_date(naive_utc: datetime) -> date:
    """A stored (naive UTC) time as a date in Japan."""
    return naive_utc.replace(tzinfo=timezone.utc).astimezone(JST).date()


def method_label(method: str) -> str:
    return common.rules().catalog_methods[method].label


def status_text(request: CatalogRequest) -> str:
    """What became of a request, in the customer's terms."""
    taken = calendar.ja_date(local_date(request.created_at))
    if request.status != catalog_requests.SENT or not request.sent_at:
        return f"{taken}にお申し込みを承っておりますが、まだ発送できておりませんでした。"
    high = common.rules().catalog_methods[request.shipping_method].days[1]
    sent = local_date(request.sent_at)
    due = calendar.ja_date(sent + timedelta(days=high))
    return (
        f"{taken}にお申し込みを承り、{calendar.ja_date(sent)}に{method_label(request.shipping_method)}で"
        f"発送しております（{due}ごろまでのお届けの予定でした）。"
    )


def find(tracker: Tracker) -> CatalogRequest | None:
    """The customer's latest catalog request, by the phone given (and the name, when the
    phone has several people), or by the full name alone."""
    phone, name = tracker.get_slot("phone"), tracker.get_slot("person_name")
    found = catalog_requests.find_earlier(common.db(), phone, name) if phone else None
    return found or catalog_requests.find_by_name(common.db(), name)


def resend_asked(tracker: Tracker) -> bool:
    """The customer asked to have it sent again (もう一度送って, もういっぺん, 再送)."""
    return any(RESEND.search(nfkc(text)) for text in customer_texts(tracker))


def handoff_note(request: CatalogRequest) -> str:
    """The summary line for the operator: what was sent, when, how, to whom."""
    sent = (
        f"{calendar.ja_date(local_date(request.sent_at))}に{method_label(request.shipping_method)}で発送済"
        if request.sent_at
        else f"{method_label(request.shipping_method)}で受付・未発送"
    )
    again = "（再送分）" if request.resend_of else ""
    return (
        f"カタログ{again}{sent}・まだ届かず"
        f"（受付{calendar.ja_date(local_date(request.created_at))}、"
        f"{request.name}様 〒{request.postal_code} {request.address} {common.format_phone(request.phone)}）"
    )


class ActionNoticeLateCatalog(Action):
    """Notes, as each message comes, whether it is about a catalog that has not come."""

    def name(self) -> str:
        return "action_notice_late_catalog"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = common.latest_text(tracker)
        looking = tracker.active_loop_name == "catalog_status_form" and not (
            ORDER_NAMED.search(nfkc(text)) or any(e.get("entity") == "order_id" for e in tracker.latest_message.get("entities") or [])
        )  # 来週の月曜日にお客さんが来ます…: said during the look-up, about the catalog still
        late = (
            looking
            or is_late_catalog(common.latest_intent(tracker), text)
            or follows_late(tracker)
            or follows_catalog_talk(tracker)
        )
        if late or tracker.get_slot("catalog_late") is not None:
            return [SlotSet("catalog_late", True if late else None)]
        return []


class ActionBeginCatalogStatus(Action):
    """Apologises for the late catalog and starts looking for the earlier request."""

    def name(self) -> str:
        return "action_begin_catalog_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if told_second_failure(customer_texts(tracker)):
            return second_failure_told(dispatcher, tracker)
        if tracker.active_loop_name == "catalog_status_form":
            # Said again while the look-up is under way (それが今日になっても、まだ来んとですよ):
            # no second welcome, the look-up goes on and asks in other words.
            dispatcher.utter_message(response="utter_catalog_late_still")
            return []
        dispatcher.utter_message(response="utter_catalog_late_start")
        events: list[EventType] = [SlotSet(s, None) for s in LATE_SLOTS if s != "catalog_late"]
        # Details from an earlier task are not this request's: only those given now count,
        # and those given just before, which the bot only asked the purpose of.
        given = {e.get("entity") for e in tracker.latest_message.get("entities") or []} | details_waiting(tracker)
        for slot in ("phone", "person_name", "postal_code", "address", "shipping_method", "catalog_confirmed"):
            if slot not in given and tracker.get_slot(slot):
                events.append(SlotSet(slot, None))
        hurry = hurry_reading([common.latest_text(tracker)])
        if hurry or (hurry is None and common.latest_intent(tracker) == "express_distress"):
            events.append(SlotSet("in_hurry", True))
        elif hurry is False:
            events.append(SlotSet("in_hurry", False))
        return events


class ValidateCatalogStatusForm(NameAskedExtraction, FormValidationAction):
    """Finds the earlier request by the phone or the name, whichever comes first, and
    hears the rest (no hurry, send it again) without asking the same thing again."""

    name_asked_by = ("phone", "person_name")  # お電話番号か、お名前を教えてください

    def name(self) -> str:
        return "validate_catalog_status_form"

    async def next_requested_slot(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> EventType | None:
        """No more questions once the request is found, the customer goes on to the postal
        code or the address (a new request follows), leaves, or was asked twice already (the
        request is then taken anew, not asked for a third time)."""
        given_on = tracker.get_slot("postal_code") or _gives_address(tracker)
        second = told_second_failure(customer_texts(tracker))  # a person at once (action_catalog_status)
        if given_on or second or leaving(tracker) or find(tracker) is not None or asked_since_the_name(tracker) >= 2:
            return SlotSet("requested_slot", None)
        return await super().next_requested_slot(dispatcher, tracker, domain)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Notes a hurry (or its absence) and a name written alone, then validates."""
        text, intent = common.latest_text(tracker), common.latest_intent(tracker)
        events: list[EventType] = []
        hurry = hurry_reading([text])
        resend = RESEND.search(nfkc(text)) and not find_phones(text) and not tracker.get_slot("person_name")
        heard = (hurry is False or (hurry and intent not in ANXIOUS_INTENTS)) and not told_second_failure([text])
        if heard:
            events.append(SlotSet("in_hurry", hurry))  # an answer too: the form goes on
        if heard and hurry and not tracker.get_slot("in_hurry"):
            dispatcher.utter_message(text=HEARD)  # 宅配便 said at once, the look-up goes on
        elif resend and (heard or intent == "nlu_fallback"):
            # "send it again" heard (also when the model could not tell what it was), before the question again
            dispatcher.utter_message(text=NOTED)
        name = name_written_in_lookup(tracker, text, intent)
        if name:
            events.append(SlotSet("person_name", name))
            tracker.slots["person_name"] = name
        if _address_read_as_a_complaint(tracker):
            events.append(SlotSet("postal_code", tracker.get_slot("postal_code")))  # an answer: the request anew
        return events + await super().run(dispatcher, tracker, domain)

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = nfkc(str(value or ""))
        code = bare_postal_code(common.latest_text(tracker))
        if code and not find_phones(text):
            # ６４５００２１ where the phone was asked: the postal code, no phone got wrong
            # (round 2026-12-05zzd hidetoshi-adebayo-02); the request is taken anew from it
            return {"phone": None, "postal_code": code}
        tried = len(re.sub(r"\D", "", text)) >= 7 and not find_postal_codes(text) and not _gives_address(tracker)
        if not find_phones(text) and not tried:
            return {"phone": None}  # no number tried (a name, "2週間前に", an address): no error
        return {"phone": common.phone_answer(value, dispatcher)}

    def validate_person_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        name = name_as_written(common.name_answer(value, tracker), common.latest_text(tracker))
        name = without_signature(name, signature_of(customer_texts(tracker))) if name else name  # ですささきつやこ
        if not name:
            dispatcher.utter_message(response="utter_name_invalid")
        return {"person_name": name}


def resumes_lookup(tracker: Tracker) -> bool:
    """A "no" that asks to have the catalog sent again (いそぎはしもはんで、もういっぺん
    おくってくいやんせ: read as deny) left the look-up: it goes on instead. The look-up is
    under way while a late catalog is noted and nothing was decided about it yet."""
    looking = bool(tracker.get_slot("catalog_late")) and tracker.get_slot("catalog_next") is None
    text = nfkc(common.latest_text(tracker))
    return looking and bool(SEND.search(text)) and not is_leaving(text)


def resume_lookup(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Says the "send it again" was heard, and asks the look-up's question again."""
    if not tracker.get_slot("phone") and not tracker.get_slot("person_name"):
        dispatcher.utter_message(text=NOTED)
    return [FollowupAction("catalog_status_form")]


def _address_read_as_a_complaint(tracker: Tracker) -> bool:
    """The postal code and address given, with a note read as a complaint and no word of anger
    (〒001-0023 … 402号室 (maybe last time the room number was missing? it is 402), complain 0.97,
    round 2026-12-07t sadao-dolgar-04): the details of the request anew, not a complaint."""
    triage = tracker.latest_message.get("triage") or {}
    return (
        common.latest_intent(tracker) in HANDOFF_INTENTS and bool(tracker.get_slot("postal_code"))
        and _gives_address(tracker) and not triage.get("anger")
    )


def _gives_address(tracker: Tracker) -> bool:
    """The latest message gives an address (its numbers are no phone tried)."""
    return address_given(tracker) is not None


# An address in Latin letters has its block (Ginza 3-4-1); "our Tokyo office like 2 weeks back"
# read as one (round 2026-12-05t, in the replay) is none.
_LATIN_WITHOUT_BLOCK = re.compile(r"[A-Za-z][A-Za-z0-9\s,.'-]*")
_BLOCK = re.compile(r"\d+\s*[-‐－]\s*\d+")


def address_given(tracker: Tracker) -> str | None:
    """The address the latest message gives, or None."""
    entities = tracker.latest_message.get("entities") or []
    found = next((str(e.get("value")) for e in entities if e.get("entity") == "address"), None)
    if found and _LATIN_WITHOUT_BLOCK.fullmatch(found) and not _BLOCK.search(found):
        return None
    return whole_address(common.latest_text(tracker), found) if found else None


def leaving(tracker: Tracker) -> bool:
    """The latest message leaves the look-up (やっぱりいいです, またにします)."""
    return is_leaving(common.latest_text(tracker)) and common.latest_intent(tracker) != "inform"


class ActionCatalogStatus(Action):
    """Tells what became of the earlier request and what the shop does about it now."""

    def name(self) -> str:
        return "action_catalog_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        request = find(tracker)
        if told_second_failure(customer_texts(tracker)):
            # 宅配便で出し直すって言われたんだ　それもまだ来ねぇ, told during the look-up
            return self._second_failure(dispatcher, tracker, request) if request else second_failure_told(dispatcher, tracker)
        hurry = hurry_reading(customer_texts(tracker))
        given = tracker.get_slot("phone") or tracker.get_slot("person_name") or tracker.get_slot("postal_code")
        if request is None and (leaving(tracker) or not given and asked_since_the_name(tracker) < 2):
            dispatcher.utter_message(response="utter_catalog_stopped")  # left the question
            return [SlotSet("catalog_next", "done")]
        if request is None and not given:
            # Asked twice and told only why it is needed (来週末に…まじ急ぎ🙏): taken anew, not
            # asked a third time and not dropped.
            anew = "utter_catalog_late_anew_mail" if hurry is False else "utter_catalog_late_anew"
            dispatcher.utter_message(response=anew)
            return [SlotSet("shipping_method", "mail" if hurry is False else "parcel"), SlotSet("catalog_next", "form")]
        if request is None:
            # A postcard lost on the way, or a request by phone not on record: take it now,
            # by 宅配便 since the customer has waited already (メール便 when they said no hurry),
            # with the postal code and address already written (not asked again).
            given = given_for_new_request(customer_texts(tracker)[-6:], address_given(tracker))
            mail = hurry is False
            dispatcher.utter_message(response="utter_catalog_late_not_found_mail" if mail else "utter_catalog_late_not_found")
            kept = [SlotSet(slot, value) for slot, value in given.items()]
            return [*kept, SlotSet("shipping_method", "mail" if mail else "parcel"), SlotSet("catalog_next", "form")]
        if catalog_requests.is_second_try(request):
            return self._second_failure(dispatcher, tracker, request)
        dispatcher.utter_message(text=status_text(request) + "お待たせしてしまい、誠に申し訳ございません。")
        if resend_asked(tracker) and hurry is not None:
            # Asked to send it again, and said how soon: no offer, straight to the read-back.
            return [SlotSet("catalog_resend_of", float(request.id)), *resend_events(request, "parcel" if hurry else "mail")]
        return [SlotSet("catalog_resend_of", float(request.id)), SlotSet("catalog_next", "offer")]

    @staticmethod
    def _second_failure(
        dispatcher: CollectingDispatcher, tracker: Tracker, request: CatalogRequest
    ) -> list[EventType]:
        """Sent again (or by 宅配便) and still not there: a person, at once."""
        details = {
            "person_name": request.name,
            "phone": request.phone,
            "postal_code": request.postal_code,
            "address": request.address,
            "shipping_method": request.shipping_method,
            "catalog_note": handoff_note(request),
        }
        tracker.slots.update(details)
        dispatcher.utter_message(text=status_text(request) + "重ねてご迷惑をおかけし、誠に申し訳ございません。")
        reason = "distress" if anxious(tracker) else "needs_operator"
        events = [SlotSet(k, v) for k, v in details.items()] + [SlotSet("catalog_next", "done")]
        return events + hand_off(dispatcher, tracker, reason)


def resend_events(request: CatalogRequest, method: str) -> list[EventType]:
    """The earlier request's details, to send it again by `method` after one read-back."""
    return [
        SlotSet("person_name", request.name),
        SlotSet("phone", request.phone or NO_PHONE),  # asked for without one: not asked again
        SlotSet("postal_code", request.postal_code),
        SlotSet("address_base", lookup_postal_code(request.postal_code)),
        SlotSet("address", request.address),
        SlotSet("shipping_method", method),
        SlotSet("in_hurry", method == "parcel"),
        SlotSet("catalog_next", "form"),
    ]
