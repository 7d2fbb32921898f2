"""Operators of the desk: hashed passwords, expiring sessions, and the name customers see.

Customers never see an operator's login name: the channels show 担当者, followed by the
operator's display name when the shop set one (`madoguchi operator add NAME
--display-name 佐藤`) or by the shop's default name (`operators.display_name` in the
rules file, empty by default).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from datetime import timedelta

from madoguchi.store.db import Database
from madoguchi.store.desk_tables import OperatorProfile, ensure
from madoguchi.store.models import DeskSession, Message, Operator, utcnow
from madoguchi.store.transcripts import Line, event_key

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
# LINE shows at most 20 characters as a message's sender: "担当者 " and 16 of the name.
MAX_DISPLAY_NAME = 16


def hash_password(password: str) -> str:
    """scrypt with a random salt, as `scrypt$salt$hash` (hex)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    """True when a password matches its stored hash."""
    try:
        scheme, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def add(db: Database, username: str, password: str, display_name: str | None = None) -> None:
    """Create an operator, or set a new password for an existing one (and a display name if given)."""
    if not username.strip():
        raise ValueError("the operator's name is empty")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    if display_name is not None:
        display_name = checked_display_name(display_name)
    with db.session() as session:
        operator = session.query(Operator).filter(Operator.username == username).first()
        if operator:
            operator.password_hash = hash_password(password)
        else:
            session.add(Operator(username=username, password_hash=hash_password(password)))
    if display_name is not None:
        set_display_name(db, username, display_name)


def exists(db: Database, username: str) -> bool:
    """Whether an operator of this name exists."""
    with db.session() as session:
        return session.query(Operator.id).filter(Operator.username == username).first() is not None


def usernames(db: Database) -> list[str]:
    """Every operator's login name, in order (whom a chat can be handed to)."""
    with db.session() as session:
        return [name for (name,) in session.query(Operator.username).order_by(Operator.username).all()]


def checked_display_name(name: str) -> str:
    """A display name as stored: trimmed, printable, at most 16 characters ('' for none)."""
    name = " ".join(name.split())
    if len(name) > MAX_DISPLAY_NAME:
        raise ValueError(f"the display name has more than {MAX_DISPLAY_NAME} characters")
    if any(not ch.isprintable() for ch in name):
        raise ValueError("the display name has characters that cannot be shown")
    return name


def set_display_name(db: Database, username: str, name: str) -> None:
    """Set what customers see after 担当者 for this operator ('' shows the shop's default)."""
    name = checked_display_name(name)
    with ensure(db).session() as session:
        profile = session.get(OperatorProfile, username)
        if profile is None:
            session.add(OperatorProfile(username=username, display_name=name))
        else:
            profile.display_name = name


def display_name(db: Database, username: str, default: str = "") -> str:
    """What customers see after 担当者 for this operator: their own name, else `default`."""
    with ensure(db).session() as session:
        profile = session.get(OperatorProfile, username)
    return profile.display_name if profile is not None and profile.display_name else default


def sign_line(db: Database, line: Line, username: str) -> None:
    """Mark a stored operator line of the transcript as written by this operator (desk only)."""
    with db.session() as session:
        session.query(Message).filter(Message.event_key == event_key(line)).update(
            {"author": username}, synchronize_session=False
        )


@functools.lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def login(db: Database, username: str, password: str, hours: float) -> str | None:
    """A new session token for right credentials, else None."""
    with db.session() as session:
        operator = session.query(Operator).filter(Operator.username == username).first()
        # An unknown name costs the same one scrypt as a known one: timing tells nothing.
        stored = operator.password_hash if operator else _dummy_hash()
        if not check_password(password, stored) or operator is None:
            return None
        token = secrets.token_urlsafe(32)
        session.add(
            DeskSession(
                token_hash=_token_hash(token),
                operator_id=operator.id,
                expires_at=utcnow() + timedelta(hours=hours),
            )
        )
        return token


def by_token(db: Database, token: str) -> str | None:
    """The username of a live session's token, else None."""
    if not token:
        return None
    with db.session() as session:
        row = session.get(DeskSession, _token_hash(token))
        if row is None or row.expires_at <= utcnow():
            return None
        operator = session.get(Operator, row.operator_id)
        return operator.username if operator else None


def logout(db: Database, token: str) -> None:
    """End a session."""
    with db.session() as session:
        row = session.get(DeskSession, _token_hash(token))
        if row is not None:
            session.delete(row)
