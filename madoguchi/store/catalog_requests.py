"""Catalog requests the bot took: stored, found again by phone, marked sent, re-sent."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

from madoguchi.clock import JST
from madoguchi.nlu.patterns import normalize_phone
from madoguchi.store.db import Database
from madoguchi.store.models import CatalogRequest, utcnow
from madoguchi.text import nfkc

RECEIVED = "received"
SENT = "sent"
STATUS_LABELS = {RECEIVED: "受付", SENT: "発送済み"}
DEMO_FILE = Path(__file__).resolve().parents[2] / "shop" / "demo_catalog_requests.yml"
DETAILS = ("name", "postal_code", "address", "phone", "shipping_method", "note")


def add(
    db: Database,
    *,
    sender_id: str | None,
    channel: str | None,
    name: str,
    postal_code: str,
    address: str,
    phone: str,
    shipping_method: str,
    note: str | None = None,
    resend_of: int | None = None,
    created_at: datetime | None = None,
    sent_at: datetime | None = None,
) -> int:
    """Store a confirmed request; returns its id."""
    with db.session() as session:
        request = CatalogRequest(
            sender_id=sender_id,
            channel=channel,
            name=name,
            postal_code=postal_code,
            address=address,
            phone=phone,
            shipping_method=shipping_method,
            note=note,
            resend_of=resend_of,
            created_at=created_at or utcnow(),
            status=SENT if sent_at else RECEIVED,
            sent_at=sent_at,
        )
        session.add(request)
        session.flush()
        return request.id


def recent(db: Database, limit: int = 200) -> list[CatalogRequest]:
    """The newest requests first."""
    with db.session() as session:
        return (
            session.query(CatalogRequest)
            .order_by(CatalogRequest.created_at.desc(), CatalogRequest.id.desc())
            .limit(limit)
            .all()
        )


def get(db: Database, request_id: int) -> CatalogRequest | None:
    """One request by id."""
    with db.session() as session:
        return session.get(CatalogRequest, request_id)


def count(db: Database) -> int:
    with db.session() as session:
        return session.query(CatalogRequest).count()


def _name_key(name: str | None) -> str:
    key = "".join(nfkc(name or "").split())
    for suffix in ("様", "さま", "さん"):
        key = key.removesuffix(suffix)
    return key


def same_person(stored: str, given: str | None) -> bool:
    """The name given is the stored one, or its family or given name (山田 of 山田 花子)."""
    a, b = _name_key(stored), _name_key(given)
    if not a or not b:
        return False
    parts = [p for p in nfkc(stored).split() if p]
    return a == b or b in parts or (len(b) >= 2 and (b in a or a in b))


def find_earlier(db: Database, phone: str, name: str | None = None) -> CatalogRequest | None:
    """The customer's latest request, by phone; by name too when the phone has several people."""
    digits = normalize_phone(phone) or ""
    if not digits:
        return None
    with db.session() as session:
        rows = (
            session.query(CatalogRequest)
            .filter(CatalogRequest.phone == digits)
            .order_by(CatalogRequest.created_at.desc(), CatalogRequest.id.desc())
            .all()
        )
    if len({_name_key(r.name) for r in rows}) > 1:
        rows = [r for r in rows if same_person(r.name, name)]
    return rows[0] if rows else None


def find_by_name(db: Database, name: str | None) -> CatalogRequest | None:
    """The latest request made under this full name (written with or without spaces)."""
    key = _name_key(name)
    if len(key) < 3:
        return None  # a family name alone finds too many people
    with db.session() as session:
        rows = session.query(CatalogRequest).order_by(CatalogRequest.created_at.desc(), CatalogRequest.id.desc()).all()
    return next((r for r in rows if _name_key(r.name) == key), None)


def is_second_try(request: CatalogRequest) -> bool:
    """Already re-sent, or already sent by 宅配便: a further failure needs a person."""
    return request.resend_of is not None or request.shipping_method == "parcel"


def mark(db: Database, request_id: int, sent: bool, at: datetime | None = None) -> CatalogRequest | None:
    """Mark a request sent (now, or `at`) or back to received; None if there is no such request."""
    with db.session() as session:
        request = session.get(CatalogRequest, request_id)
        if request is None:
            return None
        request.status = SENT if sent else RECEIVED
        request.sent_at = (at or utcnow()) if sent else None
        return request


def resend(db: Database, earlier_id: int, *, sender_id: str, channel: str, **details: Any) -> int:
    """Send a late catalog again with these details; returns the id of the request to send.

    An earlier request not sent yet is switched to the new details and to the conversation
    that confirmed them, where the desk finds the customer now (one catalog goes out, not
    two; it keeps the date it was asked for); a sent one gets a new request that says it
    re-sends it.
    """
    with db.session() as session:
        earlier = session.get(CatalogRequest, earlier_id)
        if earlier is not None and earlier.status == RECEIVED:
            for key in DETAILS:
                setattr(earlier, key, details.get(key))
            earlier.sender_id, earlier.channel = sender_id, channel
            return earlier.id
    return add(db, sender_id=sender_id, channel=channel, resend_of=earlier_id, **details)


def update(db: Database, request_id: int, **details: Any) -> bool:
    """Correct a request the customer is still reading back; only while it is not sent."""
    with db.session() as session:
        request = session.get(CatalogRequest, request_id)
        if request is None or request.status != RECEIVED:
            return False
        for key in DETAILS:
            setattr(request, key, details.get(key))
        return True


def withdraw(db: Database, request_id: int, sender_id: str) -> bool:
    """Remove a request its customer took back before it was sent (theirs only)."""
    with db.session() as session:
        request = session.get(CatalogRequest, request_id)
        if request is None or request.status != RECEIVED or request.sender_id != sender_id:
            return False
        session.delete(request)
        return True


def reset_to_demo(db: Database, path: Path, now: datetime | str) -> int:
    """Every request removed and the demo ones loaded again (each customer of an evaluation
    meets the requests the writers were told of, not those of the customers before)."""
    with db.session() as session:
        session.query(CatalogRequest).delete()
    return import_demo(db, path, now)


def import_demo(db: Database, path: Path, now: datetime | str) -> int:
    """Load the demo requests (days counted back from `now`, a time or ISO 8601 text) into an
    empty table; returns how many."""
    if count(db) or not path.exists():
        return 0
    if isinstance(now, str):
        now = datetime.fromisoformat(now)
    if now.tzinfo is None:
        now = now.replace(tzinfo=JST)
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("requests") or []
    base = now.astimezone(timezone.utc).replace(tzinfo=None)
    ids: dict[str, int] = {}
    for entry in entries:
        sent = entry.get("sent_days_ago")
        ids[entry["key"]] = add(
            db,
            sender_id=None,
            channel="demo",
            name=entry["name"],
            postal_code=entry["postal_code"],
            address=entry["address"],
            phone=normalize_phone(str(entry["phone"])) or "",
            shipping_method=entry["shipping_method"],
            resend_of=ids.get(entry.get("resend_of", "")),
            created_at=base - timedelta(days=entry["requested_days_ago"]),
            sent_at=base - timedelta(days=sent) if sent is not None else None,
        )
    return len(ids)
