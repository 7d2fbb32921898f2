"""Desk operators: stored password hashes, logins, expiring sessions, logout."""

from __future__ import annotations

import pytest

from madoguchi.store import operators
from madoguchi.store.models import DeskSession, Operator

PASSWORD = "correct horse battery"


@pytest.fixture
def desk(db):
    operators.add(db, "sato", PASSWORD)
    return db


def test_the_password_is_stored_as_a_salted_hash(desk):
    with desk.session() as session:
        stored = session.query(Operator).filter_by(username="sato").one().password_hash
    assert PASSWORD not in stored
    assert stored.startswith("scrypt$")
    assert operators.check_password(PASSWORD, stored)
    # The same password hashes differently each time (salted).
    assert operators.hash_password(PASSWORD) != operators.hash_password(PASSWORD)


def test_check_password_refuses_wrong_or_malformed(desk):
    stored = operators.hash_password(PASSWORD)
    assert not operators.check_password("wrong password", stored)
    assert not operators.check_password(PASSWORD, "plain text")
    assert not operators.check_password(PASSWORD, "md5$00$00")


def test_login_with_the_right_password(desk):
    token = operators.login(desk, "sato", PASSWORD, hours=12)
    assert token
    assert operators.by_token(desk, token) == "sato"


def test_the_token_itself_is_not_stored(desk):
    token = operators.login(desk, "sato", PASSWORD, hours=12)
    with desk.session() as session:
        hashes = [row.token_hash for row in session.query(DeskSession)]
    assert token not in hashes
    assert len(hashes) == 1


@pytest.mark.parametrize("username, password", [("sato", "wrong password"), ("nobody", PASSWORD), ("sato", "")])
def test_login_with_wrong_credentials(desk, username, password):
    assert operators.login(desk, username, password, hours=12) is None


def test_an_expired_session_is_refused(desk):
    token = operators.login(desk, "sato", PASSWORD, hours=-0.01)
    assert token
    assert operators.by_token(desk, token) is None


def test_logout_ends_the_session(desk):
    token = operators.login(desk, "sato", PASSWORD, hours=12)
    other = operators.login(desk, "sato", PASSWORD, hours=12)
    operators.logout(desk, token)
    assert operators.by_token(desk, token) is None
    assert operators.by_token(desk, other) == "sato"


def test_unknown_or_empty_tokens(desk):
    assert operators.by_token(desk, "") is None
    assert operators.by_token(desk, "not-a-token") is None


def test_adding_again_sets_a_new_password(desk):
    operators.add(desk, "sato", "a new password")
    assert operators.login(desk, "sato", PASSWORD, hours=1) is None
    assert operators.login(desk, "sato", "a new password", hours=1)
    with desk.session() as session:
        assert session.query(Operator).count() == 1


@pytest.mark.parametrize("username, password", [("suzuki", "short"), ("  ", "long enough password")])
def test_a_short_password_or_empty_name_is_refused(db, username, password):
    with pytest.raises(ValueError):
        operators.add(db, username, password)
    with db.session() as session:
        assert session.query(Operator).count() == 0


# --- what customers see of an operator ---------------------------------------------------


def test_an_operator_has_no_display_name_until_the_shop_sets_one(desk):
    assert operators.display_name(desk, "sato") == ""
    assert operators.display_name(desk, "sato", default="窓口") == "窓口"
    operators.set_display_name(desk, "sato", "  佐藤　花子 ")
    assert operators.display_name(desk, "sato", default="窓口") == "佐藤 花子"
    operators.set_display_name(desk, "sato", "")
    assert operators.display_name(desk, "sato", default="窓口") == "窓口"


def test_add_sets_the_display_name_and_a_new_password_keeps_it(desk):
    operators.add(desk, "suzuki", PASSWORD, display_name="鈴木")
    operators.add(desk, "suzuki", PASSWORD + "2")
    assert operators.display_name(desk, "suzuki") == "鈴木"
    assert operators.login(desk, "suzuki", PASSWORD + "2", hours=1)


@pytest.mark.parametrize("name", ["あ" * 17, "名前\x00"])
def test_a_display_name_that_would_not_show_is_refused(desk, name):
    with pytest.raises(ValueError):
        operators.add(desk, "tanaka", PASSWORD, display_name=name)
    assert not operators.exists(desk, "tanaka")


def test_sign_line_marks_who_wrote_an_operator_line(desk):
    from datetime import datetime

    from madoguchi.store import transcripts
    from madoguchi.store.transcripts import Line

    line = Line("s-1", "operator", "お待たせしました。", datetime(2026, 1, 5, 1, 0), "1767574800.0", "line")
    transcripts.record(desk, [line])  # as the event broker stores it: no author
    operators.sign_line(desk, line, "sato")
    assert [m.author for m in transcripts.for_sender(desk, "s-1")] == ["sato"]
