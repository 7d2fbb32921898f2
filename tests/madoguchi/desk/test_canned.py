"""Operators' canned replies (定型文), from the shop's file."""

from __future__ import annotations

from tests.madoguchi.desk import test_api
from tests.madoguchi.desk.test_api import auth

# the desk API's fixtures, by the names the tests ask for
client, rasa, token = test_api.client, test_api.rasa, test_api.token


async def test_canned_replies_come_from_the_shop_file(client, token):
    response = await client.get("/api/canned", headers=auth(token))
    assert response.status == 200
    replies = await response.json()
    assert 8 <= len(replies) <= 12
    assert all(r["title"] and r["text"] for r in replies)
    assert any("お待たせいたしました" in r["text"] for r in replies)
