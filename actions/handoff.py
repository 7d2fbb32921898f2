"""Handing the conversation to a person, and keeping it there until they hand it back.

Which reason the latest message calls for (or the answer it gets instead), the fallback that
calls a person after repeated misunderstandings, and a restart or new session that leaves the
conversation with the person; the handing over itself is `actions.takeover.hand_off`.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ConversationPaused,
    EventType,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import common
from actions.catalog_hurry import hurry_heard, hurry_in_lookup
from actions.catalog_note import back_to_readback, sends_it, sent_as_read_back, tells_note
from actions.catalog_phone import phone_refused, without_phone_form_goes_on
from actions.catalog_readback import form_left
from actions.catalog_second import second_failure_told
from actions.change_date import checked_date
from actions.details import asks_for_a_date, date_asked_as_a_favour, date_for_the_order
from actions.info import answer_memorial, earlier_texts
from actions.memorial_calm import calm_in_memorial_talk, calm_memorial_question, death_told_quietly
from actions.misread import (
    WHY, angry_beyond_asking_why, answer_what_it_names, asked_something_else, closes_the_talk_calmly, detail_not_known,
    grievance_as_context, leaves_the_catalog_form, lost_in_words, name_alone_read_as_feeling, only_opens_the_talk,
    phone_why_asked, resigned_wait, sorry_to_be_new, types_for_someone, verification_answered_early,
)
from actions.takeover import hand_off
from actions.verification_start import begin_verification, resume_verification
from madoguchi import memorial
from madoguchi.dialogue import past_grievance, verification
from madoguchi.dialogue.delivery_date import written_date
from madoguchi.dialogue.payment import asks_about_paying
from madoguchi.dialogue.plain_words import ASKED_AGAIN, TAKE_YOUR_TIME
from madoguchi.dialogue.readings import likely_readings
from madoguchi.dialogue.recovery import is_apology
from madoguchi.dialogue.verification import asks_for_person as asks_person
from madoguchi.handoff.escalation import escalates, since_resume
from madoguchi.handoff.presence import with_person
from madoguchi.dialogue.second_failure import told_second_failure
from madoguchi.handoff.noshi import wrong_noshi_told_across
from madoguchi.handoff.reasons import has_cue, reason_for_intent
from madoguchi.nlu.cues import ASKING_HOW_CUES, DOUBTFUL, only_cues_among
from madoguchi.nlu.patterns import find_order_ids
from madoguchi.text import is_blank


class ActionHandoff(Action):
    """Hands the chat to an operator for the reason the customer's message calls for."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return form_goes_on(tracker, handoff_for_message(dispatcher, tracker))


# Events after which the conversation has somewhere to go: handed off, a form ended, or
# an action to run next.
MOVES_ON = frozenset({"pause", "active_loop", "followup"})


def form_goes_on(tracker: Tracker, events: list[EventType]) -> list[EventType]:
    """A message answered rather than handed off inside a form (a calm memorial question
    in the catalog form): the form asks its question again. The rules expect the form to
    end after a handoff; left active, the same action would be predicted again and again."""
    if tracker.active_loop_name and not any(e.get("event") in MOVES_ON for e in events):
        return [*events, FollowupAction(tracker.active_loop_name)]
    return events


def gives_the_number_after_all(tracker: Tracker) -> bool:
    """An order number given after the bot offered a person to find the order (はぁ…わかった
    A2345678), read as distress or a complaint for its tone alone: no distress cue, no goods
    problem. The customer goes on with the verification."""
    triage = tracker.latest_message.get("triage") or {}
    text = common.latest_text(tracker)
    return (
        tracker.get_slot("person_offered") == "customer_request"
        and common.latest_intent(tracker) in ("express_distress", "complain")
        and not triage.get("cues")
        and bool(find_order_ids(text))
        and not common.reports_goods(tracker)
    )


def second_failure_in(tracker: Tracker) -> bool:
    """The customer, speaking of a catalog (or of one found late), says it was already sent
    again or promised by 宅配便 and still has not come."""
    texts = earlier_texts(tracker) + [common.latest_text(tracker)]
    return bool(tracker.get_slot("catalog_late") or catalog_spoken_of(texts)) and told_second_failure(texts)


def catalog_spoken_of(texts: list[str]) -> bool:
    """The customer named the catalog in this conversation (カタログ の こと です)."""
    return any(has_cue(t, common.rules().cues.get("catalog", [])) for t in texts)


def handoff_for_message(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Hands off for the reason the latest message calls for; a calm memorial question
    is answered instead (it never forces a handoff by itself)."""
    if calm_memorial_question(tracker) or calm_in_memorial_talk(tracker):
        answer_memorial(dispatcher, tracker)
        return []
    if death_told_quietly(tracker):  # …pass away last month 😢: condolences, the help offered
        dispatcher.utter_message(text=memorial.DEATH_TOLD, buttons=[memorial.PERSON_BUTTON])
        return []
    if gives_the_number_after_all(tracker):
        return resume_verification()
    if name_alone_read_as_feeling(tracker):  # Ewan Fraser after "anything else?": asked what it is for
        return [FollowupAction("action_detail_out_of_context")]
    if date_asked_as_a_favour(tracker):  # 12月16日にしてもらえん？: the date taken; a weekday alone asked again
        chosen = written_date(common.latest_text(tracker), common.now().date())
        return [SlotSet(k, v) for k, v in checked_date(dispatcher, chosen).items()] if chosen else []
    if leaves_the_catalog_form(tracker):  # padon, I stop here. またにします: the request let go, no person
        return form_left(dispatcher, tracker)
    if lost_in_words(tracker):
        return person_for_plain_words(dispatcher, tracker)
    if not tracker.active_loop_name and sorry_to_be_new(tracker):  # …年寄りだすけ、ごめんなさいねー
        dispatcher.utter_message(text=TAKE_YOUR_TIME)
        return []
    if asked_something_else(tracker):  # I didn't ask about のし!!: asked again, a person offered
        dispatcher.utter_message(text=ASKED_AGAIN)
        return [SlotSet("person_offered", "customer_request")]
    if not tracker.active_loop_name and only_opens_the_talk(tracker):
        dispatcher.utter_message(response="utter_greet")
        return []
    if not tracker.active_loop_name and types_for_someone(tracker):
        dispatcher.utter_message(response="utter_greet_on_behalf")
        return []
    if phone_refused(tracker):
        return without_phone_form_goes_on(dispatcher)  # 電話は言いたくない: the catalog goes without it
    if phone_why_asked(tracker):  # 電話番号？なんでそんなもんがいるんだい: told why, once; the form goes on
        dispatcher.utter_message(response="utter_catalog_phone_why")
        return [FollowupAction("catalog_form")]
    if tells_note(tracker):
        return back_to_readback(dispatcher, tracker)  # 電話での確認は不要です…チャットでお願いします: a note, no person
    if sends_it(tracker):
        return sent_as_read_back()  # でんわ なし で おくって ください: the read-back's yes, no person
    if detail_not_known(tracker):
        return [FollowupAction("catalog_form")]  # わからんなった: the address is asked instead
    if hurry_in_lookup(tracker):
        return hurry_heard(dispatcher)  # 今月中に決めな間に合わへんのです: 宅配便, not a person
    if resigned_wait(tracker):
        dispatcher.utter_message(response="utter_take_your_time")
        return []
    early = verification_answered_early(tracker)
    if early:
        return begin_verification(early)
    if second_failure_in(tracker):
        # まだ届いてないです。もう4時すぎてるし… after a re-send told of: the second failure,
        # with its note for the operator.
        return second_failure_told(dispatcher, tracker)
    if grievance_as_context(tracker):  # 前にも電話したんだけどさあ 二回: sorry, and what is wanted now
        dispatcher.utter_message(text=past_grievance.HEARD)
        return []
    rules = common.rules()
    reason = reason_for_intent(
        rules, common.latest_intent(tracker), common.latest_text(tracker), common.latest_lemmas(tracker),
        goods=common.reports_goods(tracker),
    )
    if reason is None and escalates(common.event_dicts(tracker), rules.distress_threshold):
        reason = "distress"
    text, earlier = common.latest_text(tracker), earlier_texts(tracker)
    if wrong_noshi_told_across(rules, text, earlier):
        return hand_off(dispatcher, tracker, "needs_operator", goods=True)
    if tracker.get_slot("person_offered") and (
        reason in (None, "customer_request") or at_a_loss_offered(tracker, reason) or grudged_offered(tracker, reason)
    ):
        # The customer takes up a person the bot offered for a task it cannot do itself.
        reason = tracker.get_slot("person_offered")
    return hand_off(dispatcher, tracker, reason or "customer_request")


def person_for_plain_words(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The bot's words not followed: a person asked for in the same message is that wish
    (customer_request, not a complaint); otherwise a person who explains plainly is offered."""
    if (tracker.latest_message.get("triage") or {}).get("person"):
        return hand_off(dispatcher, tracker, "customer_request")
    dispatcher.utter_message(response="utter_offer_person_plainly")
    return [SlotSet("person_offered", "customer_request")]


def grudged_offered(tracker: Tracker, reason: str | None) -> bool:
    """A detail refused with a why, or a person asked for (同じこと何回も聞かんで。ほんなら人に代わって,
    complain 0.62, round 2026-12-05zzm masae-yael-08), read unsurely as a complaint, after the bot
    offered a person (電話番号も言いたくないです。なんで必要ですか, complain 0.49, round 2026-12-02x
    hatsuko-nimal-17 in the replay): the offer taken up, no anger beyond the why."""
    ranking = tracker.latest_message.get("intent_ranking") or [tracker.latest_message.get("intent") or {}]
    text = common.latest_text(tracker)
    # 電話番号も言いたないわ。名前ヤマモト ショウで調べといてや (complain 0.91, round 2026-12-01o
    # kanae-sho-11): a detail refused outright, however sure the reading, takes up a person who looks
    # by name as the bot offered, as the writers of refused details asked (customer_request).
    refused = verification.reading(text) == verification.REFUSED
    return (
        reason == "complaint" and (refused or float(ranking[0].get("confidence") or 0) < DOUBTFUL)
        and (refused or WHY.search(text) is not None or asks_person(text)) and not angry_beyond_asking_why(text)
        and not common.reports_goods(tracker)
    )


def at_a_loss_offered(tracker: Tracker, reason: str | None) -> bool:
    """Distress read unsurely from nothing but not knowing or asking how (もうわかんないです; jaa
    dou sureba ii no), after the bot offered a person: the offer taken up, not a crisis."""
    triage = tracker.latest_message.get("triage") or {}
    ranking = tracker.latest_message.get("intent_ranking") or [tracker.latest_message.get("intent") or {}]
    return (
        reason == "distress"
        and common.latest_intent(tracker) == "express_distress"
        and float(ranking[0].get("confidence") or 0) < DOUBTFUL
        and not any(triage.get(sign) for sign in ("grief", "anger", "goods_problem"))
        and only_cues_among(triage.get("cues") or [], ASKING_HOW_CUES, triage.get("intensity") or 0, bool(triage.get("emphatic")))
    )


def consecutive_fallbacks(events: list[dict[str, Any]]) -> int:
    """How many of the latest customer messages in a row the bot did not understand.

    Empty messages are neither understood nor misunderstood: they are skipped, and so are
    those written to an operator before the conversation was handed back.
    """
    count = 0
    replied: str | None = None  # how the bot answered the message looked at (the first reply after it)
    for e in reversed(since_resume(events)):
        if e.get("event") == "bot" and not is_apology(e):
            replied = (e.get("metadata") or {}).get("utter_action") or "text"
            continue
        if e.get("event") != "user":
            continue
        answer, replied = replied, None
        if is_blank(e.get("text")):
            continue
        intent = ((e.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != "nlu_fallback" or (answer is not None and answer not in NOT_UNDERSTOOD):
            break  # understood, or answered for what it names (来てくれた人さ菓子持たせて帰してえ)
        count += 1
    return count


# The bot's replies to a message it did not understand.
NOT_UNDERSTOOD = ("utter_default", "utter_which_reading")


def misunderstood_in_distress(events: list[dict[str, Any]], misses: int) -> bool:
    """The latest `misses` messages the bot did not understand speak of grief, hold a
    distress cue or a need too near (明日…手土産がまだ届いてない), and are no keyboard mash."""
    texts = [e for e in reversed(since_resume(events)) if e.get("event") == "user" and not is_blank(e.get("text"))]
    for e in texts[:misses]:
        triage = (e.get("parse_data") or {}).get("triage") or {}
        if not triage.get("gibberish") and (triage.get("grief") or triage.get("cues") or triage.get("imminent")):
            return True
    return False


def misunderstood_in_anger(events: list[dict[str, Any]], misses: int) -> bool:
    """One of the latest `misses` messages the bot did not understand holds a word of anger."""
    texts = [e for e in reversed(since_resume(events)) if e.get("event") == "user" and not is_blank(e.get("text"))]
    return any(((e.get("parse_data") or {}).get("triage") or {}).get("anger") for e in texts[:misses])


class ActionOutOfScope(Action):
    """Answers a message read as beyond the shop that still names what the bot answers (色は？
    書く言葉は？ after a のし answer); otherwise says what the bot can help with."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if asks_about_paying(common.latest_text(tracker)):
            return offer_person_for_paying(dispatcher)
        if not answer_what_it_names(dispatcher, tracker):
            dispatcher.utter_message(response="utter_out_of_scope")
        return []


class ActionFallback(Action):
    """Asks the customer to rephrase, and calls a person after repeated misunderstandings."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if is_blank(common.latest_text(tracker)):
            dispatcher.utter_message(response="utter_empty_message")
            return []
        text, rules, lemmas = common.latest_text(tracker), common.rules(), common.latest_lemmas(tracker)
        if common.reports_goods(tracker):  # this not my order. wrong one: its reading lost the cue (07c)
            reason = reason_for_intent(rules, "complain", text, lemmas, goods=True) or "needs_operator"
            return hand_off(dispatcher, tracker, reason, goods=True)
        if date_for_the_order(tracker) and asks_for_a_date(text):
            # 十三日やのうて十二月十一日に着くように…: after its status, a change (not "so it come tomorrow?")
            return [SlotSet("order_task", "change"), FollowupAction("action_order_result")]
        if answer_what_it_names(dispatcher, tracker):  # おもてがきは なんと かいたらえい？: answered, not "rephrase"
            return []
        if not tracker.active_loop_name and only_opens_the_talk(tracker):
            dispatcher.utter_message(response="utter_greet")  # すんまへん、ちょっと聞いとくれやす
            return []
        if closes_the_talk_calmly(tracker):
            dispatcher.utter_message(response="utter_goodbye")  # はいわかりましたまた注文するときよろしくね
            return []
        if lost_in_words(tracker):  # 言ってることがよくわからないんですけど: no misunderstanding of ours
            return person_for_plain_words(dispatcher, tracker)
        if not tracker.active_loop_name and sorry_to_be_new(tracker):  # 機械とかよくわからなくてごめんなさいね
            dispatcher.utter_message(text=TAKE_YOUR_TIME)
            return []
        if second_failure_in(tracker):
            return second_failure_told(dispatcher, tracker)  # the catalog promised by takkyubin, not understood
        events = common.event_dicts(tracker)
        misses = consecutive_fallbacks(events)
        if misses >= common.rules().fallbacks_before_handoff:
            # Not understood, but at a loss or grieving (家内が先月のうなって…なんちゃあわからん):
            # the person who takes over should know that first.
            # Angry (ほんまありえへん): a complaint, for the person who takes over.
            reason = ("distress" if misunderstood_in_distress(events, misses)
                      else "complaint" if misunderstood_in_anger(events, misses) else "bot_failure")
            return hand_off(dispatcher, tracker, reason)
        if asks_about_paying(common.latest_text(tracker)):  # I asked about overseas bank transfer, not shipping
            return offer_person_for_paying(dispatcher)
        readings = likely_readings(tracker.latest_message)
        if readings:
            # Unsure between two readings: ask which, rather than guess or say "rephrase".
            buttons = [{"title": title, "payload": payload} for title, payload in readings]
            dispatcher.utter_message(response="utter_which_reading", buttons=buttons)
            return []
        dispatcher.utter_message(response="utter_default")
        return []


def offer_person_for_paying(dispatcher: CollectingDispatcher) -> list[EventType]:
    """Says a person explains how to pay, and offers one (a yes takes it up)."""
    dispatcher.utter_message(response="utter_payment_person")
    return [SlotSet("person_offered", "customer_request")]


class ActionRestart(Action):
    """Starts over, except while a person has the chat (the customer keeps their place)."""

    def name(self) -> str:
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if with_person(common.db(), tracker.sender_id):
            return [ConversationPaused()]
        dispatcher.utter_message(text="会話をはじめからやり直します。ご用件をお書きください。")
        return [Restarted()]


class ActionSessionStart(Action):
    """Starts a new session; a conversation still with a person stays with the person."""

    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events: list[EventType] = [SessionStarted()]
        ticket = with_person(common.db(), tracker.sender_id)
        if ticket:
            events += [SlotSet("handoff_reason", ticket.reason), ConversationPaused()]
        return events + [ActionExecuted("action_listen")]
