"""The desk's catalog requests: their life (受付 / 発送済み, re-sends) and marking them sent."""

from __future__ import annotations

import pytest

from madoguchi.store import audit, catalog_requests
from tests.madoguchi.desk.test_api import auth, client, rasa, token  # noqa: F401 (fixtures)

DETAILS = {
    "name": "佐藤 美咲", "postal_code": "150-0001", "address": "東京都渋谷区神宮前1-2-3",
    "phone": "08022223333", "shipping_method": "mail",
}


async def listing(client, token) -> list[dict]:
    response = await client.get("/api/catalog-requests", headers=auth(token))
    assert response.status == 200
    return await response.json()


async def test_each_request_shows_its_status_and_whether_it_is_a_re_send(client, db, token):
    earlier = catalog_requests.add(db, sender_id="s1", channel="socketio", **DETAILS)
    catalog_requests.mark(db, earlier, True)
    catalog_requests.resend(db, earlier, sender_id="s1", channel="socketio", **{**DETAILS, "shipping_method": "parcel"})
    again, first = await listing(client, token)
    assert (first["status"], first["status_label"], first["resend_of"]) == ("sent", "発送済み", None)
    assert first["sent_at"].endswith("+09:00")
    assert (again["status"], again["status_label"], again["sent_at"]) == ("received", "受付", None)
    assert again["resend_of"] == earlier and again["shipping_label"] == "宅配便"
    for key in ("name", "postal_code", "address", "phone", "shipping_method", "created_at"):
        assert again[key]


async def test_a_request_without_a_phone_says_so_rather_than_showing_an_empty_cell(client, db, token):
    catalog_requests.add(db, sender_id="s1", channel="socketio", **{**DETAILS, "phone": ""})
    (request,) = await listing(client, token)
    assert request["phone"] == "" and request["phone_label"] == "なし（お客様のご希望）"


async def test_marking_sent_and_undoing_it(client, db, token):
    request_id = catalog_requests.add(db, sender_id="s1", channel="socketio", **DETAILS)
    response = await client.post(f"/api/catalog-requests/{request_id}/sent", headers=auth(token))
    assert response.status == 200
    body = await response.json()
    assert body["request"]["status"] == "sent" and body["request"]["sent_at"]
    assert (await listing(client, token))[0]["status_label"] == "発送済み"
    response = await client.post(f"/api/catalog-requests/{request_id}/unsent", headers=auth(token))
    assert (await response.json())["request"]["status"] == "received"
    assert (await listing(client, token))[0]["sent_at"] is None
    actions = [e.action for e in audit.recent(db, limit=10, actor="sato")]
    assert "catalog_sent" in actions and "catalog_unsent" in actions


@pytest.mark.parametrize("path", ["/api/catalog-requests/99/sent", "/api/catalog-requests/99/unsent"])
async def test_an_unknown_request_is_a_json_404(client, token, path):
    response = await client.post(path, headers=auth(token))
    assert response.status == 404
    assert (await response.json())["error"] == "catalog_request_not_found"


async def test_marking_needs_a_login(client, db):
    request_id = catalog_requests.add(db, sender_id="s1", channel="socketio", **DETAILS)
    response = await client.post(f"/api/catalog-requests/{request_id}/sent")
    assert response.status == 401
    assert catalog_requests.get(db, request_id).status == "received"
