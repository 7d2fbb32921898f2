"""The operator console's page: served with a strict content policy; its scripts write
customer text as text."""

from __future__ import annotations

from madoguchi.settings import ROOT
from tests.madoguchi.desk import test_api

# the desk API's fixtures, by the names the tests ask for
client, rasa = test_api.client, test_api.rasa


async def test_the_console_page_is_served(client):
    response = await client.get("/desk/")
    assert response.status == 200
    html = await response.text()
    assert "/static/desk.js" in html and "/static/desk.css" in html and 'lang="ja"' in html
    assert html.index("/static/desk-alerts.js") < html.index("/static/desk.js")  # desk.js uses it
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    response = await client.get("/desk", allow_redirects=False)
    assert response.status == 302 and response.headers["Location"] == "/desk/"
    for asset in ("desk.js", "desk-alerts.js", "desk.css"):
        assert (await client.get(f"/static/{asset}")).status == 200


async def test_the_console_renders_customer_text_as_text():
    for name in ("desk.js", "desk-alerts.js"):
        script = (ROOT / "madoguchi" / "web" / "static" / name).read_text(encoding="utf-8")
        assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "outerHTML" not in script
        assert "textContent" in script
