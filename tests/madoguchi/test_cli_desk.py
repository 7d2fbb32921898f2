"""The `madoguchi` command's desk parts: operators' display names and the audit log."""

from __future__ import annotations

import io

from madoguchi.cli import main
from madoguchi.store import audit, operators
from tests.madoguchi.test_cli import shop_db  # noqa: F401 - fixture


def test_operator_add_with_a_display_name(shop_db, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret 123\n"))
    assert main(["operator", "add", "sato", "--password-stdin", "--display-name", "佐藤"]) == 0
    assert operators.display_name(shop_db, "sato") == "佐藤"
    assert operators.login(shop_db, "sato", "a long secret 123", hours=1)


def test_operator_display_name_changes_only_what_customers_see(shop_db, capsys):
    operators.add(shop_db, "sato", "a long secret 123")
    assert main(["operator", "display-name", "sato", "佐藤"]) == 0
    assert "担当者 佐藤" in capsys.readouterr().out
    assert operators.login(shop_db, "sato", "a long secret 123", hours=1)
    assert main(["operator", "display-name", "sato"]) == 0
    assert operators.display_name(shop_db, "sato") == ""
    assert main(["operator", "display-name", "nobody", "誰か"]) == 1
    assert main(["operator", "display-name", "sato", "あ" * 17]) == 1
    assert "error" in capsys.readouterr().err


def test_audit_prints_the_log_oldest_first(shop_db, capsys):
    audit.record(shop_db, actor="sato", action="login", outcome="failed", address="10.0.0.1")
    audit.record(shop_db, actor="sato", action="close", outcome="ok", target="handoff:4", address="10.0.0.1")
    assert main(["audit"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [r[1:6] for r in rows] == [
        ["sato", "login", "-", "10.0.0.1", "failed"],
        ["sato", "close", "handoff:4", "10.0.0.1", "ok"],
    ]
    assert rows[0][0].endswith("+09:00")
    assert main(["audit", "--action", "close"]) == 0
    assert capsys.readouterr().out.count("\n") == 1
