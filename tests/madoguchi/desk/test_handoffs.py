"""The handoffs as the console reads them: the queue in the order to serve, one handoff with
its transcript and details, and notes that stay private."""

from __future__ import annotations

from madoguchi.settings import ROOT
from madoguchi.store import handoffs
from tests.madoguchi.desk import test_api
from tests.madoguchi.desk.test_api import OPERATOR, XSS, auth, lines_of_sender, make_handoff, say
from tests.madoguchi.edited_rules import rules_file_in_use

# the desk API's fixtures, by the names the tests ask for
client, rasa, token = test_api.client, test_api.rasa, test_api.token


# ---------------------------------------------------------------- the queue


async def test_queue_serves_distress_and_complaints_first_then_the_longest_waiting(client, db, token):
    make_handoff(db, "s-request-old", reason="customer_request", priority=3, waited_minutes=30)
    make_handoff(db, "s-request-new", reason="customer_request", priority=3, waited_minutes=2)
    make_handoff(db, "s-distress-new", reason="distress", priority=1, waited_minutes=1, name="山田花子")
    make_handoff(db, "s-complaint-old", reason="complaint", priority=1, waited_minutes=5)
    make_handoff(db, "s-verify", reason="verification_failed", priority=2, waited_minutes=10)
    closed = make_handoff(db, "s-closed", reason="distress", priority=1, waited_minutes=60)
    handoffs.end(db, closed, "closed")

    response = await client.get("/api/handoffs?status=open", headers=auth(token))
    assert response.status == 200
    queue = await response.json()
    assert [h["sender_id"] for h in queue] == [
        "s-complaint-old",
        "s-distress-new",
        "s-verify",
        "s-request-old",
        "s-request-new",
    ]
    assert [h["position"] for h in queue] == [1, 2, 3, 4, 5]
    first, distress = queue[0], queue[1]
    for field in ("id", "sender_id", "channel", "reason", "priority", "created_at", "summary",
                  "customer_name", "waiting_seconds", "position"):
        assert field in first
    assert distress["reason"] == "distress" and distress["priority"] == 1
    assert distress["reason_label"] == "お困り・ご不安"
    assert distress["customer_name"] == "山田花子"
    assert distress["channel"] == "socketio"
    assert distress["created_at"].endswith("+09:00")
    assert 290 <= first["waiting_seconds"] <= 320
    assert 50 <= distress["waiting_seconds"] <= 80


async def test_the_api_names_reasons_as_the_rules_file_does_and_channels_for_the_console(
    client, db, token, tmp_path
):
    make_handoff(db, "s-web", reason="distress", priority=1, channel="socketio")
    make_handoff(db, "s-rest", reason="bot_failure", priority=3, channel="rest")
    make_handoff(db, "s-line", reason="complaint", priority=1, channel="line")
    with rules_file_in_use(tmp_path / "rules.yml", handoff__reasons__distress__label="至急・お困り"):
        queue = await (await client.get("/api/handoffs", headers=auth(token))).json()
        shown = await (await client.get(f"/api/handoffs/{queue[0]['id']}", headers=auth(token))).json()
    labels = {h["sender_id"]: (h["reason_label"], h["channel_label"]) for h in queue}
    assert labels == {
        "s-web": ("至急・お困り", "Webチャット"),
        "s-rest": ("ボットが理解できず", "Webチャット（REST）"),
        "s-line": ("苦情・ご不満", "LINE"),
    }
    assert (shown["reason_label"], shown["channel_label"]) == labels[shown["sender_id"]]


async def test_distress_and_complaints_are_urgent_for_the_console(client, db, token, rules):
    for key, reason in rules.handoff_reasons.items():
        make_handoff(db, f"s-{key}", reason=key, priority=reason.priority)
    queue = await (await client.get("/api/handoffs", headers=auth(token))).json()
    shown = await (await client.get(f"/api/handoffs/{queue[0]['id']}", headers=auth(token))).json()
    assert {h["reason"] for h in queue if h["urgent"]} == {"distress", "complaint"}
    assert len(queue) == len(rules.handoff_reasons) and shown["urgent"] is True


async def test_the_console_keeps_no_labels_of_reasons_or_channels(rules):
    """The page shows what the API names: its scripts hold none of the rules file's reason
    labels, no reason keys and no channel labels of their own."""
    from madoguchi.desk.shapes import CHANNEL_LABELS

    static = ROOT / "madoguchi" / "web" / "static"
    script = "".join((static / name).read_text(encoding="utf-8") for name in ("desk.js", "desk-alerts.js"))
    for reason in rules.handoff_reasons.values():
        assert reason.label not in script and reason.key not in script, reason.key
    for label in CHANNEL_LABELS.values():
        assert label not in script, label
    assert "reason_label" in script and "channel_label" in script


async def test_queue_lists_other_statuses_on_request(client, db, token):
    open_id = make_handoff(db, "s-open")
    closed_id = make_handoff(db, "s-done")
    handoffs.end(db, closed_id, "closed")
    closed = await (await client.get("/api/handoffs?status=closed", headers=auth(token))).json()
    assert [h["id"] for h in closed] == [closed_id]
    everything = await (await client.get("/api/handoffs?status=all", headers=auth(token))).json()
    assert {h["id"] for h in everything} == {open_id, closed_id}
    response = await client.get("/api/handoffs?status=nonsense", headers=auth(token))
    assert response.status == 400 and (await response.json())["error"] == "bad_status"


# ---------------------------------------------------------------- one handoff


async def test_a_handoff_shows_its_whole_transcript_in_order_with_original_text(client, db, token):
    hid = make_handoff(
        db, "s-talk", reason="distress", priority=1,
        details={"order_id": "A1234567", "person_name": "山田花子"},
    )
    # recorded out of order, as the action server and the broker may do
    say(db, "s-talk", "bot", "承知いたしました。担当者におつなぎします。", seconds_ago=10)
    say(db, "s-talk", "customer", "ＡＢＣ　法事に間に合わないかもしれません…", seconds_ago=20)
    say(db, "s-talk", "customer", XSS, seconds_ago=5)
    say(db, "s-talk", "operator", "お待たせいたしました。", seconds_ago=2)
    say(db, "s-other", "customer", "別の会話です", seconds_ago=3)
    handoffs.add_note(db, hid, OPERATOR, "法事は土曜日")

    response = await client.get(f"/api/handoffs/{hid}", headers=auth(token))
    assert response.status == 200
    body = await response.json()
    assert [(line["from"], line["text"]) for line in body["transcript"]] == [
        ("customer", "ＡＢＣ　法事に間に合わないかもしれません…"),
        ("bot", "承知いたしました。担当者におつなぎします。"),
        ("customer", XSS),
        ("operator", "お待たせいたしました。"),
    ]
    assert all(line["at"].endswith("+09:00") for line in body["transcript"])
    assert body["details"] == {"order_id": "A1234567", "person_name": "山田花子"}
    assert [n["text"] for n in body["notes"]] == ["法事は土曜日"]
    assert body["status"] == "open" and body["reason"] == "distress" and body["position"] == 1
    assert body["summary"] == "distress の要約"


async def test_a_handoff_names_the_catalog_method_as_the_operator_knows_it(client, db, token):
    hid = make_handoff(db, "s-late", reason="distress", priority=1,
                       details={"person_name": "山田花子", "shipping_method": "parcel"})
    body = await (await client.get(f"/api/handoffs/{hid}", headers=auth(token))).json()
    assert body["details"] == {"person_name": "山田花子", "shipping_method": "宅配便"}


async def test_notes_stay_private(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-note")
    say(db, "s-note", "customer", "配送について", seconds_ago=5)
    response = await client.post(f"/api/handoffs/{hid}/notes", headers=auth(token), json={"text": "常連のお客さま"})
    assert response.status == 201
    note = (await response.json())["note"]
    assert note["text"] == "常連のお客さま" and note["operator"] == OPERATOR
    assert stand_in.calls == []  # nothing reached Rasa, so nothing reached the customer
    assert lines_of_sender(db, "s-note") == [("customer", "配送について")]
    body = await (await client.get(f"/api/handoffs/{hid}", headers=auth(token))).json()
    assert all("常連" not in line["text"] for line in body["transcript"])
    assert [n["text"] for n in body["notes"]] == ["常連のお客さま"]
