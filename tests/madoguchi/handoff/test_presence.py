"""Whether a conversation is with a person: one answer, from the desk's handoffs."""

from __future__ import annotations

import re

from madoguchi.handoff.presence import open_among, with_person
from madoguchi.settings import ROOT
from madoguchi.store import handoffs


def open_one(db, sender_id: str):
    return handoffs.open_handoff(db, sender_id=sender_id, channel="line", reason="complaint", priority=1,
                                 summary="苦情・ご不満", details={})


def test_a_conversation_is_with_a_person_from_the_handoff_until_it_is_released(db):
    assert with_person(db, "U1") is None
    handoff = open_one(db, "U1")
    assert with_person(db, "U1").id == handoff.id
    assert with_person(db, "U2") is None  # another conversation is not
    handoffs.end(db, handoff.id, handoffs.RELEASED, "sato")
    assert with_person(db, "U1") is None


def test_a_closed_handoff_leaves_the_conversation_to_the_bot_and_a_new_one_takes_it_again(db):
    handoffs.end(db, open_one(db, "U1").id, handoffs.CLOSED)
    assert with_person(db, "U1") is None
    again = open_one(db, "U1")
    assert with_person(db, "U1").id == again.id


def test_open_among_names_the_conversations_a_person_has(db):
    first, second = open_one(db, "U1"), open_one(db, "U2")
    handoffs.end(db, open_one(db, "U3").id, handoffs.CLOSED)
    with db.session() as session:
        assert sorted(h.id for h in open_among(session)) == [first.id, second.id]
        assert [h.id for h in open_among(session, ["U2", "U3", "U4"])] == [second.id]
        assert open_among(session, []).first() is None


def test_every_reader_asks_the_one_answer():
    """The chat page, the LINE channel, the actions and the late details ask `with_person`,
    the privacy requests and the retention purge `open_among`; no module looks up an open
    handoff by itself, and only Rasa's own switch keeper (`recovery.heal`, which mends a
    tracker as Rasa left it) reads a tracker's pause."""
    asking, looking_up, reading_pause = set(), set(), set()
    for folder in ("actions", "madoguchi"):
        for path in (ROOT / folder).rglob("*.py"):
            text, name = path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
            if re.search(r"\b(with_person|open_among)\(", text):
                asking.add(name)
            if re.search(r"\bopen_for\(|Handoff\.status\s*==", text) and name != "madoguchi/store/handoffs.py":
                looking_up.add(name)
            if re.search(r"\.is_paused\(\)", text):
                reading_pause.add(name)
    assert looking_up == {"madoguchi/handoff/presence.py"}
    assert {"madoguchi/web/app.py", "madoguchi/channels/line.py", "actions/handoff.py",
            "madoguchi/handoff/late_details.py", "madoguchi/store/personal_data.py",
            "madoguchi/store/privacy_requests.py", "madoguchi/store/retention_purge.py"} <= asking
    assert reading_pause == {"madoguchi/dialogue/recovery.py"}
