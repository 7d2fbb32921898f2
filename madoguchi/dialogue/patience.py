"""A customer who asks the bot to wait: 「ちょっと待ってください」, 「メール見てみるわ」.
The bot says to take their time and listens, a form still waiting for its answer
(`madoguchi.rasa.policies.shop.PatiencePolicy`)."""

from __future__ import annotations

from rasa.shared.core.trackers import DialogueStateTracker


def asks_to_wait(tracker: DialogueStateTracker) -> bool:
    """The latest message asks the bot to wait, and nothing else in it called for more."""
    message = tracker.latest_message
    parse = (message.parse_data or {}) if message else {}
    triage = parse.get("triage") or {}
    return bool(triage.get("waiting")) and triage.get("changed_from") is not None and (
        (parse.get("intent") or {}).get("name") == "affirm"
    )
