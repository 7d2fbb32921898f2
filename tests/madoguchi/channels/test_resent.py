"""A message sent again to a conversation with a person is told again that a person is coming."""

from __future__ import annotations

from datetime import timedelta

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from madoguchi.channels.before_rasa import before_rasa
from madoguchi.channels.resent import STILL_COMING
from madoguchi.store import handoffs, transcripts
from madoguchi.store.models import utcnow


async def says(db, sender_id: str, text: str) -> tuple[list[dict], list[str]]:
    """What the customer is answered before Rasa, and what reached Rasa."""
    to_bot: list[str] = []

    async def bot(message: UserMessage) -> None:
        to_bot.append(message.text)

    out = CollectingOutputChannel()
    await before_rasa(bot, lambda: db)(UserMessage(text, out, sender_id, input_channel="rest"))
    return out.messages, to_bot


def line(sender_id: str, role: str, text: str, ago: timedelta) -> transcripts.Line:
    return transcripts.Line(sender_id, role, text, utcnow() - ago, f"{role}-{text}-{ago}")


async def test_the_message_that_opened_the_handoff_sent_again_is_answered_and_still_reaches_rasa(db):
    """tests/e2e/test_faults.py under load: オペレーターと話したい was handled (the handoff opened,
    the conversation paused), the Rasa server was killed before it answered, and the page sent it
    again: a paused conversation answers nothing, so the customer never saw a person was coming."""
    handoffs.open_handoff(db, sender_id="r1", channel="rest", reason="customer_request", priority=3, summary="", details={})
    transcripts.record(db, [line("r1", "customer", "オペレーターと話したい", timedelta(seconds=20))])
    said, to_bot = await says(db, "r1", "オペレーターと話したい")
    assert [m["text"] for m in said] == [STILL_COMING]
    assert to_bot == ["オペレーターと話したい"]  # recorded by Rasa as ever


async def test_other_messages_and_answered_or_old_ones_go_to_rasa_alone(db):
    """Another text, the bot's own conversation, an operator already writing, or the same text long
    after: no notice."""
    for sender in ("r2", "r3", "r4"):
        handoffs.open_handoff(db, sender_id=sender, channel="rest", reason="customer_request", priority=3, summary="",
                              details={})
    transcripts.record(db, [
        line("r2", "customer", "オペレーターと話したい", timedelta(seconds=20)),
        line("r3", "customer", "オペレーターと話したい", timedelta(seconds=20)),
        line("r3", "operator", "担当の佐藤です", timedelta(seconds=-5)),  # after the handoff opened
        line("r4", "customer", "まだですか", timedelta(minutes=30)),
        line("r5", "customer", "カタログください", timedelta(seconds=20)),
    ])
    assert (await says(db, "r2", "まだですか"))[0] == []
    assert (await says(db, "r3", "オペレーターと話したい"))[0] == []
    assert (await says(db, "r4", "まだですか"))[0] == []
    assert (await says(db, "r5", "カタログください")) == ([], ["カタログください"])  # with the bot
