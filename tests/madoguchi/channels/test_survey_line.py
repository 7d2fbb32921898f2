"""「解決しましたか」 on LINE: the close's question as quick replies (postbacks), and the
customer's answer and comment taken by the channel, never by the bot."""

from __future__ import annotations

from types import SimpleNamespace

from rasa.core.processor import MessageProcessor
from rasa.shared.core.events import BotUttered

from madoguchi.handoff import survey
from madoguchi.store import handoffs, surveys, transcripts
from tests.madoguchi.channels.line_harness import USER, LineServer, StandInBot, body, event, text_event
from tests.madoguchi.channels.line_platform import LinePlatform


def closed_handoff(db) -> int:
    h = handoffs.open_handoff(
        db, sender_id=USER, channel="line", reason="customer_request", priority=3, summary="", details={}
    )
    handoffs.finish_if_open(db, h.id, handoffs.CLOSED, "sato")
    surveys.ask(db, handoffs.get(db, h.id))
    return h.id


async def test_the_question_shows_two_quick_replies_that_post_back(server: LineServer, platform: LinePlatform, db) -> None:
    text, buttons = survey.question(7)
    output = server.channel.get_output_channel()
    await MessageProcessor._send_bot_messages(
        [BotUttered(text=text, data={"buttons": buttons})], SimpleNamespace(sender_id=USER), output
    )
    [push] = platform.delivered("push")
    [message] = push.body["messages"]
    assert "解決しましたか" in message["text"]
    actions = [item["action"] for item in message["quickReply"]["items"]]
    assert [a["label"] for a in actions] == ["はい", "いいえ"]
    assert [a["displayText"] for a in actions] == ["はい", "いいえ"]  # what the chat shows the customer said
    assert all(a["type"] == "postback" for a in actions)
    assert survey.parse(actions[0]["data"]) == survey.Answer(7, solved=True)


async def test_an_answer_and_a_comment_on_line_never_reach_the_bot(
    server: LineServer, bot: StandInBot, platform: LinePlatform, db
) -> None:
    hid = closed_handoff(db)
    await server.post(body(event("postback", postback={"data": survey.payload(hid, solved=True)})))
    await server.settle()
    [reply] = platform.delivered("reply")
    thanks, ask = reply.body["messages"]
    assert thanks["text"] == survey.THANKS_SOLVED
    [write] = ask["quickReply"]["items"]
    assert write["action"]["label"] == "ひとこと書く"

    await server.post(body(event("postback", postback={"data": write["action"]["data"]})))
    await server.post(body(text_event("丁寧に教えていただき助かりました")))
    await server.post(body(text_event("カタログがほしいです")))
    await server.settle()

    assert bot.texts == ["カタログがほしいです"]
    stored = surveys.of(db, hid)
    assert stored.solved == 1 and stored.comment == "丁寧に教えていただき助かりました"
    lines = [(m.role, m.text) for m in transcripts.for_sender(db, USER)]
    assert ("customer", "はい") in lines and ("bot", survey.THANKS_COMMENT) in lines
    assert not any(text.startswith("/csat") for _, text in lines)
    assert survey.THANKS_COMMENT in platform.texts_to_customer()
