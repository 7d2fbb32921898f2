"""The channels answer the 「解決しましたか」 survey themselves, before Rasa.

`answering_surveys(on_new_message, db)` wraps the handler a channel gives its customers'
messages to. A survey button (`madoguchi.handoff.survey`) is stored against its handoff and
thanked on the customer's own channel; the message after ひとこと書く is stored as the
comment. Neither reaches Rasa, so no intent is needed and no flow starts: the tracker stays
as the close left it. Both sides of the exchange are written to the transcript the
operators read (`madoguchi.handoff.transcript.record_exchange`). Every other message goes
to Rasa as before, after one indexed read of the surveys table (is a comment awaited?),
which works whichever worker or instance had the button pressed.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Callable

from rasa.core.channels.channel import UserMessage

from madoguchi.channels.intercepting import Handler, intercepting
from madoguchi.handoff import survey, transcript
from madoguchi.handoff.presence import with_person
from madoguchi.store import surveys
from madoguchi.store.db import Database

logger = logging.getLogger(__name__)



def answering_surveys(on_new_message: Handler, db: Callable[[], Database]) -> Handler:
    """`on_new_message`, with survey answers and comments taken before Rasa sees them."""

    return intercepting(
        on_new_message, survey.is_survey,
        lambda m: _answer(db(), m), lambda m: _comment(db(), m),
    )


def _record(db: Database, message: UserMessage, said: str, replies: list[str]) -> None:
    """The customer's words and our replies, as transcript lines (the desk reads them)."""
    try:
        transcript.record_exchange(db, message.sender_id, said, [(r, []) for r in replies], message.input_channel)
    except Exception:  # the customer was answered; only the desk's copy is missing
        logger.exception("survey lines of %s not recorded", message.sender_id)


async def _answer(db: Database, message: UserMessage) -> None:
    answer = survey.parse(message.text)
    sender_id, out = message.sender_id, message.output_channel
    stored = None
    if answer is not None:
        try:
            if answer.comment:
                stored = await asyncio.to_thread(surveys.want_comment, db, sender_id, answer.handoff_id)
            else:
                stored = await asyncio.to_thread(surveys.answer, db, sender_id, answer.handoff_id, bool(answer.solved))
        except Exception:
            logger.exception("survey answer of %s not stored", sender_id)
    if stored is None:
        logger.warning("a survey payload not of this conversation's handoffs was refused (%s)", sender_id)
        await out.send_text_message(sender_id, survey.NOT_YOURS)
        return
    assert answer is not None
    if answer.comment:
        await out.send_text_message(sender_id, survey.WRITE_NOW)
        await asyncio.to_thread(_record, db, message, answer.shown, [survey.WRITE_NOW])
        return
    thanks = survey.THANKS_SOLVED if answer.solved else survey.THANKS_UNSOLVED
    await out.send_text_message(sender_id, thanks)
    await out.send_text_with_buttons(sender_id, survey.ASK_COMMENT, survey.comment_button(answer.handoff_id))
    await asyncio.to_thread(_record, db, message, answer.shown, [thanks, survey.ASK_COMMENT])


async def _comment(db: Database, message: UserMessage) -> bool:
    """Store the message as the awaited comment; False when none is awaited (Rasa answers)."""
    sender_id = message.sender_id

    def take() -> bool:
        if surveys.awaiting_comment(db, sender_id) is None:  # the usual case: one indexed read
            return False
        if with_person(db, sender_id) is not None:  # a new chat with a person: theirs to read
            return False
        return surveys.take_comment(db, sender_id, message.text or "") is not None

    try:
        taken = await asyncio.to_thread(take)
    except Exception:
        logger.exception("survey comment of %s not stored", sender_id)
        taken = False
    if not taken:
        return False
    await message.output_channel.send_text_message(sender_id, survey.THANKS_COMMENT)
    await asyncio.to_thread(_record, db, message, message.text or "", [survey.THANKS_COMMENT])
    return True
