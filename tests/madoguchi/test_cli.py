"""The `madoguchi` command, run in-process against a temporary database."""

from __future__ import annotations

import io
import re

import pytest

from madoguchi.cli import main
from madoguchi.settings import settings
from madoguchi.store import operators, orders
from madoguchi.store.db import Database, database
from tests.conftest import DEMO_ORDERS

DEMO_COUNT = len(DEMO_ORDERS.read_text(encoding="utf-8").strip().splitlines()) - 1
HEADER = "order_id,phone,name,status,ordered_at,shipped_at,carrier,tracking_number,eta,items\n"


@pytest.fixture
def shop_db(tmp_path, monkeypatch) -> Database:
    """The command's database is a fresh SQLite file; the caches are cleared around the test."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("MADOGUCHI_DATABASE_URL", url)
    settings.cache_clear()
    database.cache_clear()
    yield Database(url)
    settings.cache_clear()
    database.cache_clear()


def test_the_command_uses_the_database_of_the_environment(shop_db):
    assert database().url == shop_db.url


# --- orders import ----------------------------------------------------------------------


def test_orders_import_prints_the_count(shop_db, capsys):
    assert main(["orders", "import", str(DEMO_ORDERS)]) == 0
    out = capsys.readouterr().out
    assert orders.count(shop_db) == DEMO_COUNT
    assert f"imported {DEMO_COUNT} orders" in out


def test_a_bad_file_exits_1_names_the_row_and_imports_nothing(shop_db, tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER
        + "A1111111,090-1111-1111,山田花子,received,2026-11-18T10:00,,,,,羊羹×1\n"
        + "A2222222,090-2222-2222,鈴木一郎,lost,2026-11-18T10:00,,,,,最中×1\n",
        encoding="utf-8",
    )
    assert main(["orders", "import", str(bad)]) == 1
    captured = capsys.readouterr()
    assert "row 3" in captured.err
    assert "status" in captured.err
    assert "imported" not in captured.out
    assert orders.count(shop_db) == 0


def test_a_bad_file_leaves_earlier_imports_alone(shop_db, tmp_path, capsys):
    main(["orders", "import", str(DEMO_ORDERS)])
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "A1234567,1234,別人,received,2026-11-18T10:00,,,,,x\n", encoding="utf-8")
    assert main(["orders", "import", str(bad)]) == 1
    assert orders.count(shop_db) == DEMO_COUNT
    assert orders.get(shop_db, "A1234567").name == "山田花子"


def test_a_file_not_utf8_exits_1(shop_db, tmp_path, capsys):
    bad = tmp_path / "sjis.csv"
    bad.write_bytes((HEADER + "A1111111,090-1111-1111,山田花子,received,2026-11-18T10:00,,,,,羊羹×1\n").encode("shift_jis"))
    assert main(["orders", "import", str(bad)]) == 1
    assert "UTF-8" in capsys.readouterr().err
    assert orders.count(shop_db) == 0


def test_a_missing_file_exits_2(shop_db, tmp_path, capsys):
    missing = tmp_path / "nowhere.csv"
    assert main(["orders", "import", str(missing)]) == 2
    assert "nowhere.csv" in capsys.readouterr().err
    assert orders.count(shop_db) == 0


# --- operator add -----------------------------------------------------------------------


def test_operator_add_with_password_stdin(shop_db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret 123\n"))
    assert main(["operator", "add", "sato", "--password-stdin"]) == 0
    out = capsys.readouterr().out
    assert "a long secret 123" not in out
    assert operators.login(shop_db, "sato", "a long secret 123", hours=1)
    assert operators.login(shop_db, "sato", "a long secret 123\n", hours=1) is None


def test_operator_add_generates_and_prints_a_password_that_works(shop_db, capsys):
    assert main(["operator", "add", "suzuki"]) == 0
    out = capsys.readouterr().out
    match = re.search(r"password: (\S+)", out)
    assert match, out
    password = match.group(1)
    assert len(password) >= 8
    assert operators.login(shop_db, "suzuki", password, hours=1)
    assert operators.login(shop_db, "suzuki", "wrong password", hours=1) is None


def test_two_generated_passwords_differ(shop_db, capsys):
    main(["operator", "add", "a"])
    main(["operator", "add", "b"])
    passwords = re.findall(r"password: (\S+)", capsys.readouterr().out)
    assert len(passwords) == 2 and passwords[0] != passwords[1]


def test_a_too_short_password_is_refused(shop_db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["operator", "add", "sato", "--password-stdin"]) == 1
    assert "8 characters" in capsys.readouterr().err
    assert operators.login(shop_db, "sato", "short", hours=1) is None


def test_an_empty_stdin_is_refused(shop_db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["operator", "add", "sato", "--password-stdin"]) == 1
    assert operators.login(shop_db, "sato", "", hours=1) is None


def test_an_unknown_command_is_a_usage_error(shop_db, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["orders", "export"])
    assert exit_.value.code == 2
