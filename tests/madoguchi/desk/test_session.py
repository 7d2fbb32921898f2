"""An operator's desk session: logging out ends it."""

from __future__ import annotations

from tests.madoguchi.desk import test_api
from tests.madoguchi.desk.test_api import auth

# the desk API's fixtures, by the names the tests ask for
client, rasa, token = test_api.client, test_api.rasa, test_api.token


async def test_logout_ends_the_session(client, token):
    assert (await client.post("/api/logout", headers=auth(token))).status == 200
    assert (await client.get("/api/handoffs", headers=auth(token))).status == 401
