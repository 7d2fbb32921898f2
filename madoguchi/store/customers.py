"""Who a conversation's customer is: their other conversations, catalog requests and orders.

A customer is recognized by what the shop already holds, never by a guess from a name:

- the same conversation id: a LINE user keeps one `userId`, a web chat page keeps its session
  id (`madoguchi.store.web_sessions`), so their earlier chats are under the same `sender_id`;
- the same phone number given in a chat: in a handoff's details (the bot's `phone` slot, or
  a phone written while waiting), in a catalog request, or as the registered phone of an
  order verified in that chat. One step only: a conversation that shares a phone with this
  one is the customer's; a phone given only there links nothing further.

Orders are told only once the customer proved one in some conversation of theirs (order
number and registered phone matched, `madoguchi.store.verifications`, or a handoff's
`verified_order_id`); then the orders registered with that phone are theirs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from madoguchi.store import verifications
from madoguchi.store.db import Database
from madoguchi.store.models import CatalogRequest, Handoff, Order
from madoguchi.store.orders import OrderView

SAME = "same"  # the same conversation id (LINE user, web session)


@dataclass(frozen=True)
class Customer:
    """A conversation's customer as the shop knows them."""

    sender_id: str
    # Every conversation of theirs -> how it is known to be theirs: SAME, or the phone shared.
    senders: dict[str, str]
    phones: frozenset[str]  # the phones given in this conversation
    verified_orders: frozenset[str] = field(default_factory=frozenset)  # proved in any of them


def _details(handoff: Handoff) -> dict:
    try:
        details = json.loads(handoff.details or "{}")
    except ValueError:
        return {}
    return details if isinstance(details, dict) else {}


def handoffs_of(db: Database, sender_ids: list[str]) -> list[Handoff]:
    """The handoffs of these conversations, oldest first."""
    if not sender_ids:
        return []
    with db.session() as session:
        return (
            session.query(Handoff)
            .filter(Handoff.sender_id.in_(set(sender_ids)))
            .order_by(Handoff.created_at, Handoff.id)
            .all()
        )


def _verified_in(db: Database, sender_ids: list[str]) -> set[str]:
    """Orders proved in these conversations (recorded by the form, or kept by a handoff)."""
    found = verifications.order_ids_of(db, sender_ids)
    for handoff in handoffs_of(db, sender_ids):
        order_id = _details(handoff).get("verified_order_id")
        if isinstance(order_id, str) and order_id:
            found.add(order_id)
    return found


def _registered_phones(db: Database, order_ids: set[str]) -> set[str]:
    if not order_ids:
        return set()
    with db.session() as session:
        rows = session.query(Order.phone).filter(Order.order_id.in_(order_ids)).all()
    return {phone for (phone,) in rows}


def phones_given(db: Database, sender_id: str) -> set[str]:
    """The phones a conversation gave: handoff details, catalog requests, verified orders."""
    phones = set()
    for handoff in handoffs_of(db, [sender_id]):
        phone = _details(handoff).get("phone")
        if isinstance(phone, str) and phone:
            phones.add(phone)
    with db.session() as session:
        rows = session.query(CatalogRequest.phone).filter(CatalogRequest.sender_id == sender_id).all()
    phones |= {phone for (phone,) in rows if phone}
    return phones | _registered_phones(db, verifications.order_ids_of(db, [sender_id]))


def senders_with_phone(db: Database, phone: str) -> set[str]:
    """The conversations that gave this phone (the same three places)."""
    found: set[str] = set()
    with db.session() as session:
        candidates = session.query(Handoff).filter(Handoff.details.contains(phone)).all()
        found |= {h.sender_id for h in candidates if _details(h).get("phone") == phone}
        rows = (
            session.query(CatalogRequest.sender_id)
            .filter(CatalogRequest.phone == phone, CatalogRequest.sender_id.isnot(None))
            .all()
        )
        found |= {sender for (sender,) in rows}
        orders = [o for (o,) in session.query(Order.order_id).filter(Order.phone == phone).all()]
    return found | verifications.senders_of(db, orders)


def recognize(db: Database, sender_id: str) -> Customer:
    """The customer of a conversation: their conversations, phones and proved orders."""
    phones = phones_given(db, sender_id)
    senders = {sender_id: SAME}
    for phone in sorted(phones):
        for other in sorted(senders_with_phone(db, phone)):
            senders.setdefault(other, phone)
    verified = _verified_in(db, list(senders))
    return Customer(sender_id, senders, frozenset(phones), frozenset(verified))


def catalog_requests_of(db: Database, customer: Customer) -> list[CatalogRequest]:
    """The customer's catalog requests (made in their conversations, or under their phone),
    the newest first."""
    theirs = CatalogRequest.sender_id.in_(set(customer.senders))
    if customer.phones:
        theirs = theirs | CatalogRequest.phone.in_(set(customer.phones))
    with db.session() as session:
        query = session.query(CatalogRequest).filter(theirs)
        return query.order_by(CatalogRequest.created_at.desc(), CatalogRequest.id.desc()).all()


def orders_of(db: Database, customer: Customer) -> list[OrderView]:
    """The customer's orders, the newest first: none until they proved one; then every order
    registered with the phone of an order they proved."""
    phones = _registered_phones(db, set(customer.verified_orders))
    if not phones:
        return []
    with db.session() as session:
        rows = (
            session.query(Order)
            .filter(Order.phone.in_(phones))
            .order_by(Order.ordered_at.desc(), Order.order_id.desc())
            .all()
        )
        return [OrderView.of(order) for order in rows]
