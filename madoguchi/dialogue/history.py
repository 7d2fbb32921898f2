"""How much of a conversation each custom action is sent.

Rasa sends the action server every event of the conversation with every custom action:
at turn 300 that is about 1,500 events serialised, sent and parsed again, a quarter of
the server's time per message. The actions that answer, validate forms and look up
orders read only the latest message, the slots and the form; they get the events of the
last `HISTORY_TURNS` customer messages. The actions that may open a handoff summarise
the whole conversation for the operator, so they still get all of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TypeVar

HISTORY_TURNS = 10

# Every action that may call `actions.takeover.hand_off` or reads `common.event_dicts`
# (tests/actions/test_history.py checks the list against the actions' code).
WHOLE_CONVERSATION = frozenset(
    {
        "action_handoff",
        "action_fallback",
        "action_order_result",
        "action_begin_order_task",  # a person asked for while the number is being asked
        "action_apply_order_change",
        "action_verification_turn",
        "action_reply_to_offer",
        "action_catalog_status",  # a late catalog sent again and still not there
        "action_begin_catalog_status",  # a second failure told in any message opens a handoff
        "action_ask_catalog_status_form_phone",  # asked before: other words
        "validate_catalog_status_form",  # asked twice: the request taken anew
        "action_catalog_choice",
        "action_ask_catalog_choice",  # asked before: other words
        "validate_catalog_choice_form",  # a no hurry said in any message
        "validate_catalog_form",  # a name given whole earlier is not shortened; the hurry of any message
        "validate_order_verification_form",  # a phone corrected alone goes with the number tried
        "action_ask_catalog_form_person_name",  # how often the form asked, since it began
        "action_ask_catalog_form_postal_code",
        "action_ask_catalog_form_phone",
    }
)

# Actions that read the customer's recent messages, which the window holds: a memorial
# told a few messages before a のし question, a date proposed for the one the customer
# wrote last, what the bot said since the latest message.
RECENT_HISTORY = frozenset(
    {
        "action_answer_shipping",
        "action_answer_gift",
        "action_answer_product",
        "action_out_of_scope",  # a のし follow-up after a memorial told
        "validate_order_change_form",
        "action_ask_change_detail",
        "action_ask_catalog_confirmed",  # "承りました" the first time, "承っております" after
        "action_notice_late_catalog",  # "send it again" right after "the catalog has not come"
        "action_detail_out_of_context",  # asked what a detail was for a moment ago: other words
        "action_stop_catalog",  # the detail the form asked last, answered with でお願いします
    }
)

E = TypeVar("E")


def needs_whole_conversation(action_name: str) -> bool:
    """Whether the action reads the conversation's events beyond the latest turns."""
    return action_name in WHOLE_CONVERSATION


def window(events: Sequence[E], turns: int = HISTORY_TURNS) -> list[E]:
    """Rasa events from the `turns`-th last customer message on (all when there are fewer)."""
    from rasa.shared.core.events import UserUttered

    seen = 0
    for back, event in enumerate(reversed(events), start=1):
        if isinstance(event, UserUttered):
            seen += 1
            if seen == turns:
                return list(itertools.islice(events, len(events) - back, None))
    return list(events)
