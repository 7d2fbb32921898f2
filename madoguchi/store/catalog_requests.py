"""Catalog requests the bot took, for the desk to send out."""

from __future__ import annotations

from madoguchi.store.db import Database
from madoguchi.store.models import CatalogRequest


def add(
    db: Database,
    *,
    sender_id: str,
    channel: str,
    name: str,
    postal_code: str,
    address: str,
    phone: str,
    shipping_method: str,
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
