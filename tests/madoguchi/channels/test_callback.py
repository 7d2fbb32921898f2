"""A phone callback taken by the channels before Rasa: offered, a number and a slot chosen,
changed, cancelled; every step answered and written to the transcript, none reaching the bot."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from madoguchi.channels.callback import taking_callbacks
from madoguchi.channels.survey import answering_surveys
from madoguchi.handoff import callback as words
from madoguchi.store import callbacks, handoffs, transcripts
from tests.madoguchi.edited_rules import edited_rules

FRIDAY_MORNING = "2026-11-20T10:00:00+09:00"
SENDER = "s-callback"


@pytest.fixture
def clock(monkeypatch):
    from madoguchi.settings import settings

    monkeypatch.setenv("MADOGUCHI_NOW", FRIDAY_MORNING)
    settings.cache_clear()
    yield
    settings.cache_clear()


class Customer:
    """A customer of one conversation: what they send, what they are answered, what the bot got."""

    def __init__(self, db, sender_id: str = SENDER, channel: str = "socketio") -> None:
        self.db, self.sender_id, self.channel = db, sender_id, channel
        self.to_bot: list[str] = []

    async def says(self, text: str) -> list[dict]:
        async def bot(message: UserMessage) -> None:
            self.to_bot.append(message.text)

        out = CollectingOutputChannel()
        handler = taking_callbacks(answering_surveys(bot, lambda: self.db), lambda: self.db)
        await handler(UserMessage(text, out, self.sender_id, input_channel=self.channel))
        return out.messages

    async def presses(self, said: list[dict], title: str) -> list[dict]:
        [button] = [b for m in said for b in m.get("buttons") or [] if b["title"] == title]
        return await self.says(button["payload"])


def titles(said: list[dict]) -> list[str]:
    return [b["title"] for m in said for b in m.get("buttons") or []]


# ---------------------------------------------------------------- slots


def test_the_days_offered_skip_sundays_and_closed_dates(rules):
    friday_evening = datetime.fromisoformat("2026-12-25T17:00:00+09:00")  # the last slot ends at 18:00
    days = words.days_offered(rules, friday_evening)
    # 25 (Fri, 15-18 still open), 26 (Sat), 27 Sunday skipped, 28, 29, 30; 31 and 1-3 January closed
    assert days == [date(2026, 12, 25), date(2026, 12, 26), date(2026, 12, 28), date(2026, 12, 29), date(2026, 12, 30)]
    assert [s.label for s in words.slots_on(rules, friday_evening, date(2026, 12, 25))] == ["12月25日(金) 15時〜18時"]
    late = datetime.fromisoformat("2026-12-30T17:45:00+09:00")
    assert words.days_offered(rules, late)[0] == date(2027, 1, 4)  # after the new year's closing
    assert words.slots_on(rules, late, date(2026, 12, 31)) == []


def test_national_holidays_are_skipped_when_the_rules_close_on_them():
    saturday_evening = datetime.fromisoformat("2026-11-21T18:30:00+09:00")  # Monday 23 Nov is 勤労感謝の日
    assert date(2026, 11, 23) not in words.days_offered(edited_rules(calendar__closed_on_national_holidays=True), saturday_evening)
    assert date(2026, 11, 23) in words.days_offered(edited_rules(), saturday_evening)


def test_slots_keep_inside_operator_hours_when_a_shop_changes_them():
    later = edited_rules(operators__hours=["10:00", "17:00"])
    monday = datetime.fromisoformat("2026-11-23T08:00:00+09:00")
    assert [s.label for s in words.slots_on(later, monday, date(2026, 11, 23))] == [
        "11月23日(月) 10時〜11時", "11月23日(月) 11時〜13時", "11月23日(月) 13時〜15時", "11月23日(月) 15時〜17時",
    ]


def test_payloads_are_parsed_strictly():
    assert words.parse(words.payload(start=True)) == words.Choice(start=True)
    assert words.parse(words.payload(id=3, at="2026-11-21T09:00")) == words.Choice(3, at=datetime(2026, 11, 21, 9))
    assert words.parse('/callback{"id": "1; drop"}') is None
    assert words.parse('/callback{"id": 2, "day": "yesterday"}') is None
    assert words.parse('/callback{"id": true, "cancel": true}') is None


# ---------------------------------------------------------------- the conversation


async def test_a_callback_is_booked_with_buttons_and_the_number_never_reaching_the_bot(db, clock):
    hid = handoffs.open_handoff(db, sender_id=SENDER, channel="socketio", reason="customer_request",
                                priority=3, summary="", details={}).id
    customer = Customer(db)
    _, [want] = words.offer()
    said = await customer.says(want["payload"])
    assert said[0]["text"] == words.ASK_PHONE and titles(said) == ["やめる"]

    said = await customer.says("０９０ー１２３４ー５６７８です")
    assert said[0]["text"] == "090-1234-5678 へおかけします。ご都合のよい日をお選びください。"
    # Sunday the 22nd skipped: operators do not work then
    assert titles(said) == ["11月20日(金)", "11月21日(土)", "11月23日(月)", "11月24日(火)", "11月25日(水)", "やめる"]
    said = await customer.presses(said, "11月21日(土)")
    assert said[0]["text"] == "11月21日(土)の、ご都合のよい時間帯をお選びください。"
    assert titles(said) == ["9時〜11時", "11時〜13時", "13時〜15時", "15時〜18時", "別の日にする"]
    said = await customer.presses(said, "13時〜15時")
    assert "11月21日(土) 13時〜15時に、090-1234-5678 へ当店の担当者からお電話いたします" in said[0]["text"]
    assert titles(said) == ["日時を変更する", "電話番号を変更する", "取り消す"]

    assert customer.to_bot == []
    [row] = callbacks.listing(db)
    assert (row.status, row.phone, row.handoff_id, row.channel) == ("booked", "09012345678", hid, "socketio")
    assert row.starts_at == datetime(2026, 11, 21, 4) and row.ends_at == datetime(2026, 11, 21, 6)  # UTC
    lines = [(m.role, m.text) for m in transcripts.for_sender(db, SENDER)]
    assert ("customer", "電話で折り返してほしい") in lines and ("customer", "０９０ー１２３４ー５６７８です") in lines
    assert ("customer", "13時〜15時") in lines
    assert any(role == "bot" and "13時〜15時に、090-1234-5678 へ" in text for role, text in lines)
    assert not any(text.startswith("/callback") for _, text in lines)

    # words after it go to the bot (or the operator) as before
    await customer.says("ありがとうございます")
    assert customer.to_bot == ["ありがとうございます"]


async def test_the_customer_changes_the_time_and_the_number_then_cancels(db, clock):
    customer = Customer(db, channel="line")
    await customer.says(words.payload(start=True))
    said = await customer.says("03-1234-5678")
    said = await customer.presses(said, "11月24日(火)")
    booked = await customer.presses(said, "9時〜11時")

    said = await customer.presses(booked, "日時を変更する")
    said = await customer.presses(said, "11月25日(水)")
    said = await customer.presses(said, "15時〜18時")
    assert "11月25日(水) 15時〜18時に、03-1234-5678 へ" in said[0]["text"]

    said = await customer.presses(said, "電話番号を変更する")
    assert said[0]["text"] == words.ASK_PHONE
    said = await customer.says("12345678")  # digits, but no phone number
    assert said[0]["text"] == words.PHONE_UNREAD
    said = await customer.says("08011112222")
    assert "11月25日(水) 15時〜18時に、080-1111-2222 へ" in said[0]["text"]
    [row] = callbacks.listing(db)
    assert row.phone == "08011112222" and row.starts_at == datetime(2026, 11, 25, 6)

    said = await customer.presses(said, "取り消す")
    assert said[0]["text"] == words.CANCELLED
    assert callbacks.listing(db) == [] and callbacks.own(db, SENDER, row.id).status == "cancelled"
    said = await customer.presses(booked, "日時を変更する")  # an old button, after the cancel
    assert said[0]["text"] == words.FINISHED
    assert customer.to_bot == []


async def test_asked_again_while_booked_the_customer_is_reminded_not_booked_twice(db, clock):
    customer = Customer(db)
    await customer.says(words.payload(start=True))
    said = await customer.says("09012345678")
    said = await customer.presses(said, "11月20日(金)")
    assert titles(said)[0] == "9時〜11時"  # 10:00: until 30 minutes before it ends
    await customer.presses(said, "11時〜13時")
    said = await customer.says(words.payload(start=True))
    assert said[0]["text"].startswith("11月20日(金) 11時〜13時に、090-1234-5678 へのお電話を承っております")
    assert len(callbacks.listing(db)) == 1


async def test_a_number_known_from_the_conversation_is_offered(db, clock):
    handoffs.open_handoff(db, sender_id=SENDER, channel="socketio", reason="needs_operator", priority=2,
                          summary="", details={"phone": "0312345678"})
    customer = Customer(db)
    said = await customer.says(words.payload(start=True))
    assert said[0]["text"] == words.ASK_PHONE_KNOWN
    said = await customer.presses(said, "この番号にお願いします（03-1234-5678）")
    assert said[0]["text"].startswith("03-1234-5678 へおかけします")


async def test_another_conversations_callback_and_a_slot_gone_are_refused(db, clock):
    customer = Customer(db)
    await customer.says(words.payload(start=True))
    await customer.says("09012345678")
    [row] = callbacks.listing(db, (callbacks.DRAFT,))
    intruder = Customer(db, "s-intruder")
    said = await intruder.says(words.payload(id=row.id, at="2026-11-21T09:00"))
    assert said[0]["text"] == words.NOT_YOURS and intruder.to_bot == []
    said = await customer.says(words.payload(id=row.id, at="2026-11-19T09:00"))  # yesterday
    assert said[0]["text"] == words.SLOT_GONE and titles(said)[0] == "11月20日(金)"
    said = await customer.says(words.payload(id=row.id, at="2026-11-22T09:00"))  # a Sunday
    assert said[0]["text"] == words.SLOT_GONE
    assert callbacks.listing(db) == []


async def test_words_while_a_number_is_awaited_go_on_to_the_bot(db, clock):
    customer = Customer(db)
    await customer.says(words.payload(start=True))
    await customer.says("番号はどこに書けばいいですか")
    await customer.says("注文番号はA1234567です")
    assert customer.to_bot == ["番号はどこに書けばいいですか", "注文番号はA1234567です"]
    said = await customer.says("携帯 090 1234 5678 でお願いします")
    assert said[0]["text"].startswith("090-1234-5678 へおかけします")
