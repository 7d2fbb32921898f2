"""Orders: import from CSV, verification by order number and phone, changes."""

from __future__ import annotations

import csv
import hmac
import io
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from madoguchi.clock import JST
from madoguchi.nlu.patterns import normalize_phone
from madoguchi.store.db import Database
from madoguchi.store.models import ORDER_STATUSES, Order, OrderChange
from madoguchi.text import nfkc

CSV_COLUMNS = (
    "order_id",
    "phone",
    "name",
    "status",
    "ordered_at",
    "shipped_at",
    "carrier",
    "tracking_number",
    "eta",
    "items",
)


class OrderImportError(ValueError):
    """A CSV file that cannot be imported; nothing of it was imported."""


@dataclass(frozen=True)
class OrderView:
    """What the bot may tell about an order once the customer is verified."""

    order_id: str
    name: str
    status: str
    ordered_at: datetime
    shipped_at: datetime | None
    carrier: str | None
    tracking_number: str | None
    eta: date | None
    items: str
    delivery_address: str | None
    delivery_date: date | None

    @classmethod
    def of(cls, order: Order) -> "OrderView":
        return cls(
            order_id=order.order_id,
            name=order.name,
            status=order.status,
            ordered_at=_to_jst(order.ordered_at),
            shipped_at=_to_jst(order.shipped_at) if order.shipped_at else None,
            carrier=order.carrier,
            tracking_number=order.tracking_number,
            eta=order.eta,
            items=order.items,
            delivery_address=order.delivery_address,
            delivery_date=order.delivery_date,
        )


def _to_jst(naive_utc: datetime) -> datetime:
    return naive_utc.replace(tzinfo=timezone.utc).astimezone(JST)


def _parse_datetime(text: str) -> datetime:
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JST)
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def _parse_row(row: dict[str, str]) -> Order:
    """One CSV row as an Order; ValueError with a Japanese-free, precise message."""
    order_id = nfkc(row["order_id"] or "").strip().upper().replace("-", "")
    if len(order_id) != 8 or order_id[0] != "A" or not order_id[1:].isdigit():
        raise ValueError(f"order_id {row['order_id']!r} is not 'A' and 7 digits")
    phone = normalize_phone(row["phone"] or "")
    if not phone:
        raise ValueError(f"phone {row['phone']!r} is not a Japanese phone number")
    name = (row["name"] or "").strip()
    if not name:
        raise ValueError("name is empty")
    status = (row["status"] or "").strip()
    if status not in ORDER_STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(ORDER_STATUSES)}")
    values = {}
    for column in ("ordered_at", "shipped_at"):
        text = (row[column] or "").strip()
        try:
            values[column] = _parse_datetime(text) if text else None
        except ValueError:
            raise ValueError(f"{column} {text!r} is not an ISO 8601 date and time") from None
    if values["ordered_at"] is None:
        raise ValueError("ordered_at is empty")
    if status in ("shipped", "delivered") and values["shipped_at"] is None:
        raise ValueError(f"status {status} needs shipped_at")
    eta_text = (row["eta"] or "").strip()
    try:
        eta = date.fromisoformat(eta_text) if eta_text else None
    except ValueError:
        raise ValueError(f"eta {eta_text!r} is not a date (YYYY-MM-DD)") from None
    return Order(
        order_id=order_id,
        phone=phone,
        name=name,
        status=status,
        ordered_at=values["ordered_at"],
        shipped_at=values["shipped_at"],
        carrier=(row["carrier"] or "").strip() or None,
        tracking_number=(row["tracking_number"] or "").strip() or None,
        eta=eta,
        items=(row["items"] or "").strip(),
    )


def parse_csv(text: str) -> list[Order]:
    """All rows of an orders CSV, or OrderImportError naming every bad row."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise OrderImportError(f"the header lacks the column(s): {', '.join(missing)}")
    reader.fieldnames = header
    orders, errors, seen = [], [], {}
    for line, row in enumerate(reader, start=2):
        if None in row or any(row.get(c) is None for c in CSV_COLUMNS):
            errors.append(f"row {line}: expected {len(header)} fields")
            continue
        try:
            order = _parse_row(row)
        except ValueError as e:
            errors.append(f"row {line}: {e}")
            continue
        if order.order_id in seen:
            errors.append(f"row {line}: order_id {order.order_id} repeats row {seen[order.order_id]}")
            continue
        seen[order.order_id] = line
        orders.append(order)
    if errors:
        raise OrderImportError("nothing imported; " + "; ".join(errors))
    if not orders:
        raise OrderImportError("the file has no orders")
    return orders


def import_csv(db: Database, path: Path) -> int:
    """Import (insert or replace) every order of a CSV file, all or nothing."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise OrderImportError(f"{path} is not UTF-8 text") from None
    orders = parse_csv(text)
    with db.session() as session:
        for order in orders:
            session.merge(order)
    return len(orders)


def count(db: Database) -> int:
    """How many orders the store holds."""
    with db.session() as session:
        return session.query(Order).count()


def verify(db: Database, order_id: str, phone: str) -> OrderView | None:
    """The order when the phone is the one registered with it, else None (no hint why)."""
    with db.session() as session:
        order = session.get(Order, order_id)
        registered = order.phone if order else "0" * 11
        if hmac.compare_digest(registered.encode(), (phone or "").encode()) and order:
            return OrderView.of(order)
    return None


def get(db: Database, order_id: str) -> OrderView | None:
    """An order by number (for actions that already verified the customer)."""
    with db.session() as session:
        order = session.get(Order, order_id)
        return OrderView.of(order) if order else None


def apply_change(db: Database, order_id: str, kind: str, detail: str, sender_id: str) -> OrderView:
    """Cancel an order or change its delivery address or date, and record the change."""
    with db.session() as session:
        order = session.get(Order, order_id)
        if order is None:
            raise LookupError(order_id)
        if kind == "cancel":
            order.status = "cancelled"
        elif kind == "address":
            order.delivery_address = detail
        elif kind == "date":
            order.delivery_date = date.fromisoformat(detail)
        else:
            raise ValueError(f"unknown change {kind!r}")
        session.add(OrderChange(order_id=order_id, kind=kind, detail=detail, sender_id=sender_id))
        session.flush()
        return OrderView.of(order)
