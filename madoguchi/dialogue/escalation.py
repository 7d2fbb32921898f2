"""What the escalation policy (`madoguchi.rasa.policies.shop.EscalationPolicy`) reads of a
conversation: a person the bot offered taken up in the customer's own words, an answer to the
order verification that is no distress, and the events in which distress builds up
(`madoguchi.handoff.escalation.escalates` decides on them)."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.events import BotUttered, ConversationResumed, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from madoguchi.dialogue.recovery import MARK
from madoguchi.dialogue.anger import wary_of_giving
from madoguchi.dialogue.verification import REFUSED, asks_for_person, only_not_knowing, reading

VERIFICATION_FORM = "order_verification_form"


def takes_up_person_offered(tracker: DialogueStateTracker) -> bool:
    """The bot offered a person who can find the order, and the customer asks for one in
    their own words (お店の人に探してもらえませんか), whatever intent the message was read as."""
    message = tracker.latest_message
    return bool(tracker.get_slot("person_offered")) and bool(message) and asks_for_person(message.text or "")


def wrong_noshi_told_across(tracker: DialogueStateTracker) -> bool:
    """A celebration のし reported on what came and the memorial it was for told in another
    of the latest messages, in either order (のし紙 紅白だった, then 方事さ使うって 言ったったのに;
    法事に持っていくお菓子 届いた, then のしが紅白で 御祝 ってなってました), whatever the messages
    were read as: goods that came wrong, an operator's case."""
    from madoguchi.handoff.noshi import (
        memorial_named, mourning_noshi_named, noshi_reported, wrong_noshi_told_across as told,
    )
    from madoguchi.shop.rules import shop_rules

    rules = shop_rules()
    latest = tracker.latest_message.text if tracker.latest_message else ""
    named = memorial_named(rules, latest) or noshi_reported(rules, latest) or mourning_noshi_named(rules, latest)
    if not latest or not named:
        return False  # the common case, decided without reading the conversation
    texts: list[str] = []
    for event in reversed(tracker.events):  # the latest four messages only: turn 300 costs what turn 3 does
        if isinstance(event, UserUttered):
            texts.append(event.text or "")
            if len(texts) == 4:
                break
    texts.reverse()
    return len(texts) >= 2 and told(rules, texts[-1], texts[:-1])


def answers_verification(tracker: DialogueStateTracker) -> bool:
    """Inside the order verification, "I do not know the number" answers the question:
    saying it twice is no distress building up, nor is a phone refused for fear of fraud
    (action_verification_turn reads it)."""
    if tracker.active_loop_name != VERIFICATION_FORM:
        return False
    triage = (tracker.latest_message.parse_data or {}).get("triage") if tracker.latest_message else None
    if not (triage and triage.get("cues")):
        return False
    text = tracker.latest_message.text or ""
    # でんわばんごう なんか おしえらんねえ さぎの でんわが… おっかねぇ: a refusal for fear of fraud, or
    # for privacy (電話番号をチャットに書くのは少し不安です, round 2026-12-05zzy)
    return only_not_knowing(triage) or reading(text) == REFUSED and wary_of_giving(text)


def escalation_events(applied: list[Event]) -> list[dict[str, Any]]:
    """The events `escalates` reads, as dicts: the last two customer messages that are not
    empty (and the empty ones between, and the bot's apologies for a failure), none from
    before the latest resume.

    Serialising the whole conversation instead made every message slower as it grew.
    """
    tail: list[dict[str, Any]] = []
    written = 0
    for event in reversed(applied):
        if isinstance(event, ConversationResumed) or written == 2:
            break
        if isinstance(event, UserUttered):
            tail.append(event.as_dict())
            written += bool((event.text or "").strip())
        elif isinstance(event, BotUttered) and (event.metadata or {}).get("madoguchi") == MARK["madoguchi"]:
            tail.append(event.as_dict())
    return tail[::-1]
