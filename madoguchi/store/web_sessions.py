"""Web chat sessions: the conversation ids the server issued to chat pages.

A web chat's session id is its conversation's `sender_id` and the only credential the
page holds: whoever presents it reads and writes that conversation. So the server makes
it (128 random bits), records it here, and accepts back only ids recorded here: never an
id a page made up, nor a REST sender or a LINE `userId`, which are never recorded.

Its own table in the shop database (created on first use), read by the Rasa process (the
socket.io channel) and by the web service (the chat history); any worker or instance
finds there the ids another one issued.
"""

from __future__ import annotations

import re
import secrets

from sqlalchemy import Column, DateTime, String, insert, select
from sqlalchemy.orm import declarative_base

from madoguchi.store.db import Database, create_tables_once
from madoguchi.store.models import utcnow

WebSessionBase = declarative_base()

ID_BYTES = 16  # 128 bits, written as 32 hex digits
_ID = re.compile(rf"[0-9a-f]{{{2 * ID_BYTES}}}")


class WebChatSession(WebSessionBase):
    """A session id issued to a web chat page."""

    __tablename__ = "web_chat_sessions"
    session_id = Column(String(64), primary_key=True)
    issued_at = Column(DateTime, nullable=False, default=utcnow)


def _table(db: Database) -> None:
    """Create the table in this database once per process."""
    create_tables_once(db.engine, WebSessionBase.metadata)


def well_formed(session_id: object) -> bool:
    """Whether a value has the shape of an id this module issues (no database read)."""
    return isinstance(session_id, str) and _ID.fullmatch(session_id) is not None


def issue(db: Database) -> str:
    """A new session id, recorded as issued."""
    _table(db)
    session_id = secrets.token_hex(ID_BYTES)
    with db.engine.begin() as connection:
        connection.execute(insert(WebChatSession).values(session_id=session_id, issued_at=utcnow()))
    return session_id


def is_issued(db: Database, session_id: object) -> bool:
    """Whether the server issued this id to a web chat page."""
    if not well_formed(session_id):
        return False
    _table(db)
    query = select(WebChatSession.session_id).where(WebChatSession.session_id == session_id)
    with db.engine.connect() as connection:
        return connection.execute(query).first() is not None
