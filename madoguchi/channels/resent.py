"""A message sent again to a conversation that is with a person: told again that a person is
coming, before Rasa (which records it as ever, and answers nothing while paused).

A chat page or client sends a message again when it got no answer, as when the Rasa server
stops between handling a message and answering it. If that message opened the handoff, the
conversation is paused when it arrives again, and the customer would never see that a person
is on the way (round of `tests/e2e/test_faults.py` under load: オペレーターと話したい, then
silence). The same text as the customer's last line, within a few minutes and before any
operator wrote, is answered with the notice once more.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Callable

from rasa.core.channels.channel import UserMessage

from madoguchi.channels.intercepting import Handler, intercepting
from madoguchi.handoff.presence import with_person
from madoguchi.store import transcripts
from madoguchi.store.db import Database
from madoguchi.store.models import utcnow

logger = logging.getLogger(__name__)

RESENT_WITHIN = timedelta(minutes=5)
STILL_COMING = "担当者におつなぎしています。担当者からのメッセージがこちらに届きますので、このままお待ちください。"


def telling_resent(on_new_message: Handler, db: Callable[[], Database]) -> Handler:
    """`on_new_message`, with a message sent again to a conversation with a person answered
    with the notice before Rasa records it."""

    async def on_text(message: UserMessage) -> bool:
        try:
            again = await asyncio.to_thread(resent_to_a_person, db(), message.sender_id, message.text or "")
        except Exception:
            logger.exception("could not tell whether %s sent a message again", message.sender_id)
            again = False
        if again:
            await message.output_channel.send_text_message(message.sender_id, STILL_COMING)
        return False  # Rasa records the message as ever

    return intercepting(on_new_message, lambda text: False, _no_payload, on_text)


async def _no_payload(message: UserMessage) -> None:  # no button of this step
    return None


def resent_to_a_person(db: Database, sender_id: str, text: str) -> bool:
    """The conversation is with a person, no operator has written since the handoff opened,
    and `text` is the customer's last line, written within `RESENT_WITHIN`."""
    handoff = with_person(db, sender_id)
    if handoff is None:
        return False
    lines = transcripts.for_sender(db, sender_id)
    customer = [line for line in lines if line.role == "customer"]
    if not customer or any(line.role == "operator" and line.at >= handoff.created_at for line in lines):
        return False
    last = customer[-1]
    return last.text == text and utcnow() - last.at <= RESENT_WITHIN
