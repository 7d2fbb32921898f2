"""Operators of the desk: hashed passwords and expiring sessions."""

from __future__ import annotations

import functools
import hashlib
import hmac
import secrets
from datetime import timedelta

from madoguchi.store.db import Database
from madoguchi.store.models import DeskSession, Operator, utcnow

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


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


def add(db: Database, username: str, password: str) -> None:
    """Create an operator, or set a new password for an existing one."""
    if not username.strip():
        raise ValueError("the operator's name is empty")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    with db.session() as session:
        operator = session.query(Operator).filter(Operator.username == username).first()
        if operator:
            operator.password_hash = hash_password(password)
        else:
            session.add(Operator(username=username, password_hash=hash_password(password)))


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
