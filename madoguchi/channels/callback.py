"""The channels take a phone callback themselves, before Rasa.

`taking_callbacks(on_new_message, db)` wraps the handler a channel gives its customers'
messages to. A callback button (`madoguchi.handoff.callback`) moves the customer's
callback on: asked for, a number, a day, a slot, changed or cancelled; while a number is
awaited, a message holding one is taken as it. Each step is answered on the customer's
own channel (buttons: quick replies on the web chat, LINE quick replies) and written to
the transcript the operators read. None of it reaches Rasa, so no intent is needed and the
conversation stays as it was: with a person while handed off, with the bot otherwise.

Any other message goes to Rasa as before, after one indexed read of the callbacks table
(is a number awaited?). A message without a number while one is awaited goes on to Rasa
(or the operator) too: the customer may have a question first, and the number after.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import unicodedata
from datetime import timezone
from typing import Callable

from rasa.core.channels.channel import UserMessage

from madoguchi.channels.intercepting import Handler, intercepting
from madoguchi.handoff import callback as words
from madoguchi.handoff import transcript
from madoguchi.handoff.transcript import Reply
from madoguchi.nlu.patterns import find_order_ids, find_phones, normalize_phone
from madoguchi.store import callbacks, handoffs
from madoguchi.store.callbacks import Callback
from madoguchi.store.db import Database

logger = logging.getLogger(__name__)

DIGITS_OF_A_TRY = 6  # a message with this many digits, while a number is awaited, is a try at one


def taking_callbacks(on_new_message: Handler, db: Callable[[], Database]) -> Handler:
    """`on_new_message`, with callback buttons and the number awaited taken before Rasa sees them."""

    return intercepting(
        on_new_message, words.is_callback,
        lambda m: _pressed(db(), m), lambda m: _number(db(), m),
    )


def _now():
    from madoguchi import clock

    return clock.now()


def _rules():
    from madoguchi.shop.rules import shop_rules

    return shop_rules()


# ---------------------------------------------------------------- replies


def _known_phone(db: Database, handoff_id: int | None) -> str | None:
    """A number the customer gave earlier in the conversation (the handoff's details)."""
    handoff = handoffs.get(db, handoff_id) if handoff_id else None
    try:
        details = json.loads(handoff.details or "{}") if handoff else {}
    except ValueError:
        return None
    phone = details.get("phone") if isinstance(details, dict) else None
    return normalize_phone(str(phone)) if phone else None


def ask_phone(db: Database, row: Callback) -> Reply:
    known = _known_phone(db, row.handoff_id)
    return (words.ASK_PHONE_KNOWN if known else words.ASK_PHONE), words.phone_buttons(row.id, known)


def ask_day(row: Callback) -> list[Reply]:
    days = words.days_offered(_rules(), _now())
    if not days:
        return [(words.NO_DAYS, [])]
    text = words.ASK_DAY.format(phone=words.phone_text(row.phone or ""))
    return [(text, words.day_buttons(row.id, days))]


def _slot_label(row: Callback) -> str:
    tz = _rules().tz
    return words.slot_text(
        row.starts_at.replace(tzinfo=timezone.utc).astimezone(tz), row.ends_at.replace(tzinfo=timezone.utc).astimezone(tz)
    )


def booked(row: Callback, text: str = words.BOOKED) -> Reply:
    return text.format(slot=_slot_label(row), phone=words.phone_text(row.phone or "")), words.booked_buttons(row.id)


def _steps(db: Database, message: UserMessage, choice: words.Choice) -> tuple[str, list[Reply]]:
    """(what the customer is shown to have said, the replies) for a button pressed."""
    sender_id = message.sender_id
    if choice.start:
        latest = handoffs.latest_for_senders(db, [sender_id]).get(sender_id)
        row, _ = callbacks.start(
            db, sender_id, message.input_channel or "", latest.id if latest else None, now=_now()
        )
        if row.status == callbacks.BOOKED:
            return words.WANT, [booked(row, words.ALREADY)]
        if row.phone:
            return words.WANT, ask_day(row)
        return words.WANT, [ask_phone(db, row)]
    row = callbacks.own(db, sender_id, choice.id or 0)
    if row is None:
        logger.warning("a callback payload not of this conversation was refused (%s)", sender_id)
        return "", [(words.NOT_YOURS, [])]
    if row.status in (callbacks.CANCELLED, callbacks.DONE):
        return "", [(words.FINISHED, [])]
    if choice.cancel:
        callbacks.cancel(db, row.id)
        return (words.CANCEL if row.status == callbacks.BOOKED else words.STOP), [(words.CANCELLED, [])]
    if choice.change == "phone":
        row = callbacks.want_phone(db, row.id)
        return words.CHANGE_PHONE, [ask_phone(db, row)]
    if choice.change == "time":
        return (words.CHANGE_TIME if row.status == callbacks.BOOKED else words.ANOTHER_DAY), ask_day(row)
    if choice.phone:
        row = callbacks.set_phone(db, row.id, choice.phone)
        shown = words.USE_KNOWN.format(phone=words.phone_text(choice.phone))
        return shown, ([booked(row)] if row.status == callbacks.BOOKED else ask_day(row))
    if not row.phone:  # a day or slot pressed before the number was given
        return "", [ask_phone(db, row)]
    if choice.day is not None:
        slots = words.slots_on(_rules(), _now(), choice.day)
        if not slots:
            return words.day_text(choice.day), [(words.SLOT_GONE, [])] + ask_day(row)
        text = words.ASK_SLOT.format(day=words.day_text(choice.day))
        return words.day_text(choice.day), [(text, words.slot_buttons(row.id, slots))]
    if choice.at is not None:
        slot = words.slot_at(_rules(), _now(), choice.at)
        if slot is None:
            return words.day_text(choice.at.date()), [(words.SLOT_GONE, [])] + ask_day(row)
        row = callbacks.book(db, row.id, slot.starts, slot.ends)
        return words.hours_text(slot.starts, slot.ends), [booked(row)]
    return "", [(words.NOT_YOURS, [])]


async def _send(message: UserMessage, replies: list[Reply]) -> None:
    out, sender_id = message.output_channel, message.sender_id
    for text, buttons in replies:
        if buttons:
            await out.send_text_with_buttons(sender_id, text, buttons)
        else:
            await out.send_text_message(sender_id, text)


def _record(db: Database, message: UserMessage, said: str, replies: list[Reply]) -> None:
    """The customer's words (or the button's title) and our replies, as transcript lines."""
    try:
        transcript.record_exchange(db, message.sender_id, said, replies, message.input_channel)
    except Exception:  # the customer was answered; only the desk's copy is missing
        logger.exception("callback lines of %s not recorded", message.sender_id)


async def _pressed(db: Database, message: UserMessage) -> None:
    choice = words.parse(message.text)
    said, replies = "", [(words.NOT_YOURS, [])]
    if choice is not None:
        try:
            said, replies = await asyncio.to_thread(_steps, db, message, choice)
        except Exception:
            logger.exception("callback choice of %s not taken", message.sender_id)
            said, replies = "", [(words.NOT_YOURS, [])]
    await _send(message, replies)
    await asyncio.to_thread(_record, db, message, said, replies)


def _digits(text: str) -> int:
    return len(re.findall(r"\d", unicodedata.normalize("NFKC", text)))


async def _number(db: Database, message: UserMessage) -> bool:
    """Take the message as the awaited number; False when none is awaited or it holds none."""
    text = message.text or ""

    def take() -> list[Reply] | None:
        row = callbacks.awaiting_phone(db, message.sender_id)  # the usual case: one indexed read, none
        if row is None:
            return None
        phones = find_phones(text)
        if phones:
            row = callbacks.set_phone(db, row.id, phones[0].value)
            return [booked(row)] if row.status == callbacks.BOOKED else ask_day(row)
        if _digits(text) >= DIGITS_OF_A_TRY and not find_order_ids(text):
            return [(words.PHONE_UNREAD, words.phone_buttons(row.id, None))]
        return None  # words, not a number: for Rasa or the operator

    try:
        replies = await asyncio.to_thread(take)
    except Exception:
        logger.exception("callback number of %s not taken", message.sender_id)
        return False
    if replies is None:
        return False
    await _send(message, replies)
    await asyncio.to_thread(_record, db, message, text, replies)
    return True
