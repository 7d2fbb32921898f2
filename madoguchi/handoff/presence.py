"""Whether a conversation is with a person: one answer, the one every reader asks for.

A conversation is with a person from the moment its handoff opens until an operator
releases or closes it, and the desk's handoffs table is where that is kept. Rasa's tracker
carries a switch that follows it (`paused`): set by `action_handoff` once the ticket is
open, cleared by the desk's release or close before the handoff ends, set again by a new
session or a restart while the handoff is still open (actions/handoff.py). Rasa reads its
switch to stay silent, and `madoguchi.dialogue.recovery.heal` reads it to leave a paused
tracker as Rasa left it; the chat page, the LINE channel, the actions and the details
added while waiting ask here (`with_person`), and so do the privacy requests and the
retention purge, which must not delete a conversation a person has (`open_among`).
"""

from __future__ import annotations

from typing import Collection

from sqlalchemy.orm import Query, Session

from madoguchi.store import handoffs
from madoguchi.store.db import Database
from madoguchi.store.models import Handoff


def with_person(db: Database, sender_id: str) -> Handoff | None:
    """The conversation's open handoff while a person has it; None while the bot has it."""
    return handoffs.open_for(db, sender_id)


def open_among(session: Session, sender_ids: Collection[str] | None = None) -> Query:
    """The open handoffs of these conversations (of all when None), as a query in the
    caller's session, so that a deletion checks and deletes in one transaction."""
    query = session.query(Handoff).filter(Handoff.status == handoffs.OPEN)
    return query if sender_ids is None else query.filter(Handoff.sender_id.in_(list(sender_ids)))
