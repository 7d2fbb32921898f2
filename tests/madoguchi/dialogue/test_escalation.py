"""The escalation policy reads only the latest customer messages, with the same verdict."""

from __future__ import annotations

import itertools

from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    UserUttered,
)

from madoguchi.dialogue.escalation import escalation_events
from madoguchi.handoff.escalation import escalates

THRESHOLD = 0.6


def said(text: str, intent: str, distress: float = 0.0) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 1.0}, parse_data={
        "text": text, "intent": {"name": intent, "confidence": 1.0}, "triage": {"distress": distress}})


MESSAGES = [
    said("送料はいくら？", "ask_shipping"),
    said("だから送料はいくらですか", "ask_shipping"),
    said("まだ届かないんです", "ask_delivery_status", 0.45),
    said("明日使うのに、もうどうしたら…", "express_distress", 0.55),
    said("  ", "nlu_fallback"),
    said("ありがとう", "thank"),
]


def test_the_verdict_is_the_one_on_the_whole_conversation():
    # Every conversation of up to four customer messages, some handed back by an operator.
    for n in range(1, 5):
        for messages in itertools.product(MESSAGES, repeat=n):
            for resumed_after in range(n + 1):
                events = [ActionExecuted("action_listen")]
                for i, message in enumerate(messages):
                    if i == resumed_after:
                        events += [ConversationPaused(), ConversationResumed()]
                    events += [message, ActionExecuted("utter_x"), BotUttered("…"), ActionExecuted("action_listen")]
                whole = escalates([e.as_dict() for e in events], THRESHOLD)
                assert escalates(escalation_events(events), THRESHOLD) == whole, (messages, resumed_after)


def test_a_long_conversation_is_not_serialised_whole():
    events = [said(f"質問{i}", "ask_product") for i in range(300)]
    assert len(escalation_events(events)) == 2


def _tracker(triage: dict, loop: str | None):
    from rasa.shared.core.events import ActiveLoop
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = DialogueStateTracker("s1", slots=[])
    if loop:
        tracker.update(ActiveLoop(loop))
    tracker.update(UserUttered("番号がわかりません", {"name": "express_distress", "confidence": 1.0},
                               parse_data={"text": "番号がわかりません", "triage": triage}))
    return tracker


def test_not_knowing_the_number_twice_in_the_verification_is_no_escalation():
    from madoguchi.dialogue.escalation import answers_verification

    not_knowing = {"distress": 0.7, "cues": ["わかりませ"], "intensity": 0}
    assert answers_verification(_tracker(not_knowing, "order_verification_form"))
    assert not answers_verification(_tracker(not_knowing, None))  # outside it, the triage decides
    frightened = {"distress": 0.9, "cues": ["わかりませ", "どうしよう"], "intensity": 0}
    assert not answers_verification(_tracker(frightened, "order_verification_form"))


def test_a_person_offered_and_asked_for_in_other_words_is_taken_up():
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.slots import TextSlot
    from rasa.shared.core.trackers import DialogueStateTracker

    from madoguchi.dialogue.escalation import takes_up_person_offered

    def tracker(offered: str | None, text: str) -> DialogueStateTracker:
        t = DialogueStateTracker("s1", slots=[TextSlot("person_offered", mappings=[])])
        t.update(SlotSet("person_offered", offered))
        t.update(UserUttered(text, {"name": "ask_gift", "confidence": 1.0}, parse_data={"text": text}))
        return t

    assert takes_up_person_offered(tracker("customer_request", "そちらの方で探してもらえませんか"))
    assert not takes_up_person_offered(tracker(None, "そちらの方で探してもらえませんか"))  # nothing offered
    assert not takes_up_person_offered(tracker("customer_request", "のしは何色ですか"))
