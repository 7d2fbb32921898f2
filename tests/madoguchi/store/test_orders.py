"""Orders: CSV import (all rows or none), verification by order number and phone, changes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from madoguchi.store import orders
from madoguchi.store.orders import OrderImportError
from tests.conftest import DEMO_ORDERS, jst

HEADER = "order_id,phone,name,status,ordered_at,shipped_at,carrier,tracking_number,eta,items\n"
GOOD = (
    "A1111111,090-1111-1111,山田花子,received,2026-11-18T10:00:00+09:00,,,,2026-11-21,羊羹×1\n"
    "A2222222,03-2222-2222,鈴木一郎,shipped,2026-11-18T11:00:00+09:00,2026-11-19T15:00:00+09:00,"
    "ヤマト運輸,1111-2222-3333,2026-11-21,最中×2\n"
)


def write(tmp_path: Path, text: str, name: str = "orders.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- importing --------------------------------------------------------------------------


def test_the_demo_orders_import(db):
    n = orders.import_csv(db, DEMO_ORDERS)
    assert n == len(DEMO_ORDERS.read_text(encoding="utf-8").strip().splitlines()) - 1
    assert orders.count(db) == n
    order = orders.get(db, "A1234567")
    assert order.name == "山田花子"
    assert order.status == "shipped"
    assert order.carrier == "ヤマト運輸"
    assert order.tracking_number == "4321-5678-9012"
    assert order.eta == date(2026, 11, 21)
    assert order.ordered_at == jst("2026-11-18T10:12")
    assert order.shipped_at == jst("2026-11-19T15:30")
    assert "栗きんとん" in order.items


def test_a_received_order_has_no_shipping_details(demo_db):
    order = orders.get(demo_db, "A2345678")
    assert order.status == "received"
    assert order.shipped_at is None
    assert order.carrier is None
    assert order.tracking_number is None


def test_order_numbers_and_phones_are_normalized_on_import(db, tmp_path):
    path = write(tmp_path, HEADER + "ａ－１２３－４５６７,０９０ー１２３４ー５６７８,山田花子,received,2026-11-18T10:00,,,,,羊羹×1\n")
    assert orders.import_csv(db, path) == 1
    assert orders.verify(db, "A1234567", "09012345678").name == "山田花子"


def test_a_time_without_zone_is_japan_time(db, tmp_path):
    path = write(tmp_path, HEADER + "A1111111,090-1111-1111,山田花子,received,2026-11-18T10:00,,,,,羊羹×1\n")
    orders.import_csv(db, path)
    assert orders.get(db, "A1111111").ordered_at == jst("2026-11-18T10:00")


def test_importing_again_replaces_an_order(db, tmp_path):
    orders.import_csv(db, write(tmp_path, HEADER + GOOD))
    shipped = (
        "A1111111,090-1111-1111,山田花子,shipped,2026-11-18T10:00:00+09:00,2026-11-19T09:00:00+09:00,"
        "佐川急便,9999-8888-7777,2026-11-21,羊羹×1"
    )
    orders.import_csv(db, write(tmp_path, HEADER + shipped + "\n", "again.csv"))
    assert orders.count(db) == 2
    again = orders.get(db, "A1111111")
    assert (again.status, again.carrier) == ("shipped", "佐川急便")


BAD_ROWS = {
    "bad order_id": ("A11111,090-3333-3333,佐藤,received,2026-11-18T10:00,,,,,x\n", "order_id"),
    "eight digits": ("A12345678,090-3333-3333,佐藤,received,2026-11-18T10:00,,,,,x\n", "order_id"),
    "bad phone": ("A3333333,1234,佐藤,received,2026-11-18T10:00,,,,,x\n", "phone"),
    "nine-digit phone": ("A3333333,03-123-4567,佐藤,received,2026-11-18T10:00,,,,,x\n", "phone"),
    "unknown status": ("A3333333,090-3333-3333,佐藤,lost,2026-11-18T10:00,,,,,x\n", "status"),
    "shipped without shipped_at": ("A3333333,090-3333-3333,佐藤,shipped,2026-11-18T10:00,,,,,x\n", "shipped_at"),
    "delivered without shipped_at": ("A3333333,090-3333-3333,佐藤,delivered,2026-11-18T10:00,,,,,x\n", "shipped_at"),
    "bad date": ("A3333333,090-3333-3333,佐藤,received,2026-13-18T10:00,,,,,x\n", "ordered_at"),
    "no ordered_at": ("A3333333,090-3333-3333,佐藤,received,,,,,,x\n", "ordered_at"),
    "bad eta": ("A3333333,090-3333-3333,佐藤,received,2026-11-18T10:00,,,,2026/11/20,x\n", "eta"),
    "empty name": ("A3333333,090-3333-3333,,received,2026-11-18T10:00,,,,,x\n", "name"),
    "duplicate id": ("A1111111,090-3333-3333,佐藤,received,2026-11-18T10:00,,,,,x\n", "repeats row 2"),
    "too few fields": ("A3333333,090-3333-3333,佐藤,received\n", "fields"),
    "too many fields": ("A3333333,090-3333-3333,佐藤,received,2026-11-18T10:00,,,,,x,extra\n", "fields"),
}


@pytest.mark.parametrize("bad_row, mentions", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_a_bad_row_is_named_and_nothing_is_imported(db, tmp_path, bad_row, mentions):
    # Two good rows, then the bad one on line 4 of the file.
    path = write(tmp_path, HEADER + GOOD + bad_row)
    with pytest.raises(OrderImportError) as error:
        orders.import_csv(db, path)
    message = str(error.value)
    assert "row 4" in message
    assert mentions in message
    assert orders.count(db) == 0


def test_every_bad_row_is_named(db, tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "A3333333,1234,佐藤,received,2026-11-18T10:00,,,,,x\n"
        + GOOD
        + "A4444444,090-4444-4444,田中,lost,2026-11-18T10:00,,,,,x\n",
    )
    with pytest.raises(OrderImportError) as error:
        orders.import_csv(db, path)
    assert "row 2" in str(error.value) and "row 5" in str(error.value)
    assert orders.count(db) == 0


def test_a_bad_file_leaves_the_previous_orders_unchanged(demo_db, tmp_path):
    before = orders.count(demo_db)
    # Would change A1234567's name, add a new order, then fails on its last row.
    path = write(
        tmp_path,
        HEADER
        + "A1234567,090-1234-5678,別人,received,2026-11-18T10:00,,,,,x\n"
        + "A7777777,090-7777-7777,新規,received,2026-11-18T10:00,,,,,x\n"
        + "A8888888,090-8888-8888,新規,unknown,2026-11-18T10:00,,,,,x\n",
    )
    with pytest.raises(OrderImportError, match="row 4"):
        orders.import_csv(demo_db, path)
    assert orders.count(demo_db) == before
    assert orders.get(demo_db, "A1234567").name == "山田花子"
    assert orders.get(demo_db, "A7777777") is None


def test_a_missing_column_is_named_and_nothing_is_imported(db, tmp_path):
    header = HEADER.replace(",eta", "")
    rows = "A1111111,090-1111-1111,山田花子,received,2026-11-18T10:00,,,,羊羹×1\n"
    with pytest.raises(OrderImportError, match="eta"):
        orders.import_csv(db, write(tmp_path, header + rows))
    assert orders.count(db) == 0


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path):
    path = write(tmp_path, HEADER + GOOD, encoding="shift_jis")
    with pytest.raises(OrderImportError, match="UTF-8"):
        orders.import_csv(db, path)
    assert orders.count(db) == 0


def test_a_file_with_only_the_header_is_refused(db, tmp_path):
    with pytest.raises(OrderImportError, match="no orders"):
        orders.import_csv(db, write(tmp_path, HEADER))


def test_a_utf8_file_with_a_bom_imports(db, tmp_path):
    path = write(tmp_path, "\ufeff" + HEADER + GOOD)
    assert orders.import_csv(db, path) == 2


# --- verification -----------------------------------------------------------------------


def test_verify_with_the_registered_phone(demo_db):
    order = orders.verify(demo_db, "A1234567", "09012345678")
    assert order is not None
    assert order.order_id == "A1234567"
    assert order.status == "shipped"


def test_verify_with_a_landline(demo_db):
    assert orders.verify(demo_db, "A2345678", "0312345678").name == "鈴木一郎"


def test_verify_with_a_wrong_phone_and_an_unknown_order_look_the_same(demo_db):
    wrong_phone = orders.verify(demo_db, "A1234567", "09099999999")
    unknown_order = orders.verify(demo_db, "A7654321", "09012345678")
    # Another customer's phone does not open this order either.
    other_phone = orders.verify(demo_db, "A1234567", "0312345678")
    assert wrong_phone is None
    assert unknown_order is None
    assert other_phone is None


def test_verify_with_no_phone(demo_db):
    assert orders.verify(demo_db, "A1234567", "") is None
    assert orders.verify(demo_db, "A1234567", None) is None


# --- changes ----------------------------------------------------------------------------


def test_cancel(demo_db):
    view = orders.apply_change(demo_db, "A2345678", "cancel", "", "s1")
    assert view.status == "cancelled"
    assert orders.get(demo_db, "A2345678").status == "cancelled"


def test_change_the_address(demo_db):
    orders.apply_change(demo_db, "A2345678", "address", "東京都千代田区千代田1-1", "s1")
    assert orders.get(demo_db, "A2345678").delivery_address == "東京都千代田区千代田1-1"
    assert orders.get(demo_db, "A2345678").status == "received"


def test_change_the_date(demo_db):
    view = orders.apply_change(demo_db, "A2345678", "date", "2026-12-03", "s1")
    assert view.delivery_date == date(2026, 12, 3)
    assert orders.get(demo_db, "A2345678").delivery_date == date(2026, 12, 3)


def test_each_change_is_recorded(demo_db):
    from madoguchi.store.models import OrderChange

    orders.apply_change(demo_db, "A2345678", "address", "東京都千代田区千代田1-1", "s1")
    orders.apply_change(demo_db, "A2345678", "cancel", "", "s1")
    with demo_db.session() as session:
        changes = session.query(OrderChange).order_by(OrderChange.id).all()
        assert [(c.order_id, c.kind, c.sender_id) for c in changes] == [
            ("A2345678", "address", "s1"),
            ("A2345678", "cancel", "s1"),
        ]
        assert isinstance(changes[0].created_at, datetime)


def test_a_change_to_an_unknown_order_or_of_an_unknown_kind_fails(demo_db):
    with pytest.raises(LookupError):
        orders.apply_change(demo_db, "A7654321", "cancel", "", "s1")
    with pytest.raises(ValueError):
        orders.apply_change(demo_db, "A2345678", "items", "羊羹", "s1")
    assert orders.get(demo_db, "A2345678").status == "received"
