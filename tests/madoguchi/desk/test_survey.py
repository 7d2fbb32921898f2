"""「解決しましたか」 on the desk: the close asks it with two buttons, the customer's answer
(taken by the channels before Rasa) is stored against the handoff and shown with it."""

from __future__ import annotations

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from madoguchi.channels.survey import answering_surveys
from madoguchi.handoff import survey
from madoguchi.store import surveys
from tests.madoguchi.desk.test_api import auth, client, lines_of_sender, make_handoff, rasa, token  # noqa: F401

CLOSE_TEXT_AND_QUESTION = 2


async def customer_says(db, sender_id: str, text: str, to_bot: list[str] | None = None) -> list[dict]:
    """What the customer is answered when they send `text` (a button's payload or words)."""
    out = CollectingOutputChannel()

    async def bot(message: UserMessage) -> None:
        (to_bot if to_bot is not None else []).append(message.text)

    await answering_surveys(bot, lambda: db)(UserMessage(text, out, sender_id, input_channel="socketio"))
    return out.messages


async def test_closing_asks_whether_it_was_solved_with_two_buttons(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-csat")
    response = await client.post(f"/api/handoffs/{hid}/close", headers=auth(token))
    assert response.status == 200
    [call] = stand_in.calls
    question = call["events"][1]
    assert question["event"] == "bot" and question["text"] == survey.QUESTION and "解決しましたか" in question["text"]
    buttons = question["data"]["buttons"]
    assert [b["title"] for b in buttons] == ["はい", "いいえ"]
    assert [survey.parse(b["payload"]) for b in buttons] == [
        survey.Answer(hid, solved=True), survey.Answer(hid, solved=False)
    ]
    # it goes out on the customer's channel, before the tracker is resumed for the bot
    assert call["query"]["output_channel"] == "socketio"
    assert [e["event"] for e in call["events"][CLOSE_TEXT_AND_QUESTION:]] == ["bot", "resume", "reset_slots", "action"]
    shown = await (await client.get(f"/api/handoffs/{hid}", headers=auth(token))).json()
    assert shown["survey"]["solved"] is None and shown["survey"]["label"] == "未回答"


async def test_releasing_asks_nothing(client, db, token, rasa):
    stand_in, _ = rasa
    hid = make_handoff(db, "s-release")
    await client.post(f"/api/handoffs/{hid}/release", headers=auth(token))
    assert not any("解決しましたか" in (e.get("text") or "") for e in stand_in.events)
    assert surveys.of(db, hid) is None


async def test_the_answer_and_comment_are_stored_and_shown_in_the_history(client, db, token, rasa):
    hid = make_handoff(db, "s-answer")
    await client.post(f"/api/handoffs/{hid}/close", headers=auth(token))
    to_bot: list[str] = []

    said = await customer_says(db, "s-answer", survey.payload(hid, solved=False), to_bot)
    assert said[0]["text"] == survey.THANKS_UNSOLVED
    assert said[1]["text"] == survey.ASK_COMMENT and [b["title"] for b in said[1]["buttons"]] == ["ひとこと書く"]
    await customer_says(db, "s-answer", said[1]["buttons"][0]["payload"], to_bot)
    said = await customer_says(db, "s-answer", "最初の返事まで少し待ちました", to_bot)
    assert said == [{"recipient_id": "s-answer", "text": survey.THANKS_COMMENT}]
    await customer_says(db, "s-answer", "カタログがほしいです", to_bot)  # only one message is the comment
    assert to_bot == ["カタログがほしいです"]  # the answers never reached Rasa

    shown = await (await client.get(f"/api/handoffs/{hid}", headers=auth(token))).json()
    assert shown["survey"]["solved"] is False and shown["survey"]["label"] == "解決していない"
    assert shown["survey"]["comment"] == "最初の返事まで少し待ちました"
    lines = [(line["from"], line["text"]) for line in shown["transcript"]]
    assert ("customer", "いいえ") in lines and ("bot", survey.THANKS_UNSOLVED) in lines
    assert ("customer", "最初の返事まで少し待ちました") in lines
    history = await (await client.get("/api/handoffs?status=all", headers=auth(token))).json()
    [listed] = [h for h in history if h["id"] == hid]
    assert listed["survey"]["label"] == "解決していない"
    alone = await (await client.get(f"/api/handoffs/{hid}/survey", headers=auth(token))).json()
    assert alone["survey"]["comment"] == "最初の返事まで少し待ちました"


async def test_an_answer_for_another_conversations_handoff_is_refused(client, db, token, rasa):
    hid = make_handoff(db, "s-theirs")
    await client.post(f"/api/handoffs/{hid}/close", headers=auth(token))
    to_bot: list[str] = []
    said = await customer_says(db, "s-intruder", survey.payload(hid, solved=True), to_bot)
    assert said[0]["text"] == survey.NOT_YOURS and to_bot == []
    assert surveys.of(db, hid).solved is None
    said = await customer_says(db, "s-intruder", '/csat{"handoff": "1; drop"}', to_bot)
    assert said[0]["text"] == survey.NOT_YOURS and to_bot == []


async def test_words_without_a_comment_asked_for_go_to_the_bot(client, db, token, rasa):
    hid = make_handoff(db, "s-words")
    await client.post(f"/api/handoffs/{hid}/close", headers=auth(token))
    to_bot: list[str] = []
    await customer_says(db, "s-words", survey.payload(hid, solved=True), to_bot)
    said = await customer_says(db, "s-words", "送料はいくらですか", to_bot)
    assert to_bot == ["送料はいくらですか"] and said == []
    assert surveys.of(db, hid).solved == 1 and surveys.of(db, hid).comment is None
