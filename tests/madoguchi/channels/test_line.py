"""The LINE channel, end to end: signed webhooks in, the real line-bot-sdk out to a stand-in LINE."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from types import SimpleNamespace
from typing import Any, Callable

import pytest
from rasa.shared.core.events import BotUttered

from madoguchi.channels import line_messages as lm
from madoguchi.channels.line import LineInput
from madoguchi.channels.line_credentials import MissingLineCredentials, line_credentials
from madoguchi.handoff.transcript import madoguchi_custom, operator_custom
from madoguchi.store import channel_events, handoffs
from madoguchi.store.db import Database
from madoguchi.store.models import ChannelProfile, ProcessedEvent
from tests.madoguchi.channels.line_harness import (
    OTHER_USER,
    SECRET,
    TOKEN,
    USER,
    LineServer,
    StandInBot,
    body,
    event,
    text_event,
)
from tests.madoguchi.channels.line_platform import LinePlatform


def processed_count(db: Database) -> int:
    with db.session() as session:
        return session.query(ProcessedEvent).count()


# -- the webhook's door: signatures and bodies ------------------------------------------


async def test_signed_text_reaches_the_bot_and_is_answered_by_reply(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    status, answer, _ = await server.post(body(text_event("カタログがほしいです")))
    await server.settle()

    assert (status, answer) == (200, {"status": "ok"})
    [message] = bot.received
    assert (message.text, message.sender_id, message.input_channel) == ("カタログがほしいです", USER, "line")
    [reply] = platform.delivered("reply")
    assert reply.texts == ["「カタログがほしいです」を承りました。"]
    assert reply.body["replyToken"].startswith("reply-token-")
    assert platform.delivered("push") == []
    [loading] = platform.delivered("loading")
    assert loading.body["chatId"] == USER and loading.body["loadingSeconds"] % 5 == 0
    assert loading.at < reply.at  # shown while the bot works


async def test_forged_signature_is_refused_and_nothing_is_processed(
    server: LineServer,
    bot: StandInBot,
    platform: LinePlatform,
    db: Database,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    secret_words = "秘密の注文番号A1234567"
    status, _, _ = await server.post(body(text_event(secret_words)), secret="not-the-channel-secret")
    await asyncio.sleep(0.2)
    await server.settle()

    assert status == 400
    assert bot.received == [] and platform.calls == [] and processed_count(db) == 0
    assert secret_words not in caplog.text
    assert "signature" in caplog.text


async def test_signature_of_another_body_is_refused(server: LineServer, bot: StandInBot) -> None:
    from madoguchi.channels.line_events import signature_of

    other = json.dumps(body(text_event("別の本文"))).encode()
    status, _, _ = await server.post(body(text_event("こんにちは")), signature=signature_of(SECRET, other))

    assert status == 400 and bot.received == []


async def test_missing_signature_header_is_a_400_not_a_500(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    status, answer, _ = await server.post(body(text_event("こんにちは")), signature=None)

    assert status == 400 and "signature" in answer["error"]
    assert bot.received == [] and platform.calls == []


@pytest.mark.parametrize(
    "raw", [b"{not json", b'{"destination": "U1"}', b'{"events": "none"}', b"\xff\xfe"]
)
async def test_signed_but_malformed_body_is_a_400(
    server: LineServer, bot: StandInBot, raw: bytes
) -> None:
    status, answer, _ = await server.post(raw)

    assert status == 400 and answer == {"error": "malformed body"}
    assert bot.received == []


async def test_verify_button_body_without_events_is_ok(
    server: LineServer, platform: LinePlatform
) -> None:
    status, _, _ = await server.post(body())

    assert status == 200 and platform.calls == []


# -- answering fast, in order, once ------------------------------------------------------


async def test_answers_within_two_seconds_while_the_bot_is_slow(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    bot.delay = 3.0
    status, _, took = await server.post(body(text_event("注文した品がまだ届きません")))

    assert status == 200 and took < 2.0
    assert platform.delivered("reply") == []  # the bot is still thinking
    await server.settle()
    assert [r.texts for r in platform.delivered("reply")] == [["「注文した品がまだ届きません」を承りました。"]]


async def test_a_customers_messages_are_handled_in_order_and_others_are_not_kept_waiting(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    bot.delay = lambda text: 0.6 if text == "一通目" else 0.0
    await server.post(body(text_event("一通目"), text_event("二通目"), text_event("別のお客様", user=OTHER_USER)))
    await server.settle()

    assert bot.finished == ["別のお客様", "一通目", "二通目"]
    to_user = [c.texts[0] for c in platform.delivered("reply") if c.texts[0] != "「別のお客様」を承りました。"]
    assert to_user == ["「一通目」を承りました。", "「二通目」を承りました。"]


async def test_redelivered_event_is_handled_once_also_after_a_restart(
    make_channel: Callable[..., LineInput],
    start_server: Callable[..., Any],
    platform: LinePlatform,
    db: Database,
) -> None:
    first_bot, second_bot = StandInBot(), StandInBot()
    original = text_event("届け先を変更したい", event_id="01HREDELIVERED000000000001")
    redelivered = {**original, "deliveryContext": {"isRedelivery": True}}

    server = await start_server(make_channel(), first_bot)
    await server.post(body(original))
    await server.post(body(redelivered))
    await server.settle()
    await server.stop()

    restarted = await start_server(make_channel(), second_bot)  # a new process, the same database
    status, _, _ = await restarted.post(body(redelivered))
    await restarted.settle()

    assert status == 200
    assert first_bot.texts == ["届け先を変更したい"] and second_bot.received == []
    assert len(platform.delivered("reply")) + len(platform.delivered("push")) == 1
    assert channel_events.is_processed(db, "01HREDELIVERED000000000001")


async def test_a_late_redelivery_never_seen_is_answered_by_push(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    late = text_event("昨日送ったメッセージ", redelivery=True)
    late["timestamp"] -= 10 * 60 * 1000  # sent ten minutes ago, while the server was down

    await server.post(body(late))
    await server.settle()

    assert bot.texts == ["昨日送ったメッセージ"]
    assert platform.attempts("reply") == []
    assert [p.texts for p in platform.delivered("push")] == [["「昨日送ったメッセージ」を承りました。"]]


# -- reply token, batching, push ---------------------------------------------------------


async def test_six_bot_messages_five_in_the_reply_and_one_pushed(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    bot.answers = lambda text: [{"text": f"{i}通目のご案内です。"} for i in range(1, 7)]
    await server.post(body(text_event("送料を教えてください")))
    await server.settle()

    [reply] = platform.delivered("reply")
    [push] = platform.delivered("push")
    assert reply.texts == [f"{i}通目のご案内です。" for i in range(1, 6)]
    assert push.texts == ["6通目のご案内です。"] and push.body["to"] == USER
    uuid.UUID(push.retry_key)


async def test_stale_reply_token_falls_back_to_push(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    stale = text_event("のしはつけられますか")
    platform.stale_tokens.add(stale["replyToken"])
    bot.answers = lambda text: [{"text": f"ご案内{i}"} for i in range(1, 8)]

    await server.post(body(stale))
    await server.settle()

    assert [c.status for c in platform.attempts("reply")] == [400]
    assert [p.texts for p in platform.delivered("push")] == [
        ["ご案内1", "ご案内2", "ご案内3", "ご案内4", "ご案内5"],
        ["ご案内6", "ご案内7"],
    ]
    assert len({p.retry_key for p in platform.delivered("push")}) == 2


async def test_reply_token_held_too_long_is_not_tried(
    make_channel: Callable[..., LineInput],
    start_server: Callable[..., Any],
    bot: StandInBot,
    platform: LinePlatform,
) -> None:
    server = await start_server(make_channel(reply_token_ttl=0.0), bot)
    await server.post(body(text_event("日持ちはどのくらい？")))
    await server.settle()

    assert platform.attempts("reply") == []
    assert [p.texts for p in platform.delivered("push")] == [["「日持ちはどのくらい？」を承りました。"]]


async def test_line_answering_500_then_200_is_retried(
    server: LineServer, bot: StandInBot, platform: LinePlatform, caplog: pytest.LogCaptureFixture
) -> None:
    platform.fail_next("reply", 500)
    await server.post(body(text_event("今日注文したらいつ届く？")))
    await server.settle()

    assert [c.status for c in platform.attempts("reply")] == [500, 200]
    assert platform.texts_to_customer() == ["「今日注文したらいつ届く？」を承りました。"]
    assert "answered 500" in caplog.text


async def test_429_is_retried_with_growing_backoff(
    make_channel: Callable[..., LineInput], start_server: Callable[..., Any], bot: StandInBot,
    platform: LinePlatform, caplog: pytest.LogCaptureFixture,
) -> None:
    server = await start_server(make_channel(retry_delay=0.2, reply_token_ttl=0.0), bot)
    platform.fail_next("push", 429, 429)
    await server.post(body(text_event("カタログを送ってほしい")))
    await server.settle()

    attempts = platform.attempts("push")
    assert [c.status for c in attempts] == [429, 429, 200]
    first_wait, second_wait = attempts[1].at - attempts[0].at, attempts[2].at - attempts[1].at
    assert first_wait >= 0.2 and second_wait >= 0.4
    assert len({c.retry_key for c in attempts}) == 1
    assert caplog.text.count("answered 429") == 2


async def test_what_cannot_be_delivered_is_logged_with_its_text(
    make_channel: Callable[..., LineInput], start_server: Callable[..., Any], bot: StandInBot,
    platform: LinePlatform, caplog: pytest.LogCaptureFixture,
) -> None:
    server = await start_server(make_channel(attempts=2, reply_token_ttl=0.0), bot)
    platform.fail_next("push", 503, 503)
    await server.post(body(text_event("法事用にのしをお願いできますか")))
    await server.settle()

    assert [c.status for c in platform.attempts("push")] == [503, 503]
    assert "not delivered" in caplog.text and "「法事用にのしをお願いできますか」を承りました。" in caplog.text


async def test_message_the_bot_cannot_take_is_logged_and_the_customer_told(
    server: LineServer, bot: StandInBot, platform: LinePlatform, caplog: pytest.LogCaptureFixture
) -> None:
    bot.fail = True
    await server.post(body(text_event("注文番号はA1234567です")))
    await server.settle()

    assert "注文番号はA1234567です" in caplog.text and "not handled by the bot" in caplog.text
    assert platform.texts_to_customer() == [lm.FAILURE_ANSWER]


# -- kinds of events ------------------------------------------------------------------


async def test_follow_greets_and_unfollow_is_recorded(
    server: LineServer, bot: StandInBot, platform: LinePlatform, db: Database
) -> None:
    bot.answers = lambda text: [{"text": "こんにちは。ご用件をどうぞ。"}] if text == "/greet" else []
    await server.post(body(event("follow")))
    await server.settle()

    assert bot.texts == ["/greet"]
    assert platform.texts_to_customer() == ["こんにちは。ご用件をどうぞ。"]
    assert channel_events.profile(db, USER).following == 1

    calls_before = len(platform.calls)
    await server.post(body(event("unfollow")))
    await server.settle()

    assert channel_events.profile(db, USER).following == 0
    assert bot.texts == ["/greet"] and len(platform.calls) == calls_before


async def test_sticker_gets_a_polite_answer_without_the_bot(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    sticker = event(message={"type": "sticker", "id": "1", "packageId": "446", "stickerId": "1988"})
    image = event(message={"type": "image", "id": "2", "contentProvider": {"type": "line"}})
    await server.post(body(sticker, image))
    await server.settle()

    assert bot.received == []
    assert [r.texts for r in platform.delivered("reply")] == [[lm.STICKER_ANSWER], [lm.MEDIA_ANSWER]]


async def test_location_address_goes_to_the_bot_as_text(server: LineServer, bot: StandInBot) -> None:
    location = event(message={
        "type": "location", "id": "3", "title": "自宅",
        "address": "日本、〒150-0002 東京都渋谷区渋谷２丁目２１−１", "latitude": 35.659, "longitude": 139.703,
    })
    await server.post(body(location))
    await server.settle()

    assert bot.texts == ["〒150-0002 東京都渋谷区渋谷２丁目２１−１"]


async def test_while_handed_off_a_sticker_reaches_the_operator_and_the_bot_stays_quiet(
    server: LineServer, bot: StandInBot, platform: LinePlatform, db: Database
) -> None:
    handoffs.open_handoff(
        db, sender_id=USER, channel="line", reason="customer_request",
        priority=3, summary="担当者希望", details={},
    )
    bot.answers = lambda text: []  # Rasa says nothing while the tracker is paused
    sticker = {"type": "sticker", "id": "9", "packageId": "1", "stickerId": "2"}
    await server.post(body(event(message=sticker)))
    await server.settle()

    assert bot.texts == [lm.PLACEHOLDERS["sticker"]]
    assert [c.kind for c in platform.calls] == ["profile"]  # no loading animation, reply, push


async def test_group_events_are_left_alone(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    in_group = text_event("みなさんこんにちは")
    in_group["source"] = {"type": "group", "groupId": "Cgroup", "userId": USER}
    status, _, _ = await server.post(body(in_group))
    await server.settle()

    assert status == 200 and bot.received == [] and platform.calls == []


async def test_buttons_become_at_most_13_quick_replies_with_short_labels(
    server: LineServer, bot: StandInBot, platform: LinePlatform
) -> None:
    buttons = [{"title": "宅配便でお願いします", "payload": "はい、宅配便でお願いします"}]
    buttons += [{"title": "とても長いボタンの名前はLINEでは二十文字までしか表示されません", "payload": "/affirm"}]
    buttons += [{"title": f"選択肢{i}", "payload": f"選択肢{i}です"} for i in range(3, 16)]
    bot.answers = lambda text: [
        {"text": "お届け方法をお選びください。", "buttons": buttons},
        {"text": "ほかにご質問があればどうぞ。"},
    ]
    await server.post(body(text_event("カタログがほしい")))
    await server.settle()

    [reply] = platform.delivered("reply")
    first, last = reply.body["messages"]
    assert "quickReply" not in first  # LINE shows quick replies under the last message only
    items = last["quickReply"]["items"]
    assert len(items) == 13 and all(len(i["action"]["label"]) <= 20 for i in items)
    assert items[0]["action"] == {"type": "message", "label": "宅配便でお願いします", "text": "はい、宅配便でお願いします"}
    assert items[1]["action"]["type"] == "postback" and items[1]["action"]["data"] == "/affirm"
    assert items[1]["action"]["label"].endswith("…")


async def test_quick_reply_postback_goes_to_the_bot(server: LineServer, bot: StandInBot) -> None:
    await server.post(body(event("postback", postback={"data": "/affirm"})))
    await server.settle()

    assert bot.texts == ["/affirm"]


async def test_display_name_is_fetched_once_and_stored(
    make_channel: Callable[..., LineInput], start_server: Callable[..., Any], bot: StandInBot,
    platform: LinePlatform, db: Database,
) -> None:
    server = await start_server(make_channel(), bot)
    await server.post(body(text_event("こんにちは")))
    await server.post(body(text_event("カタログがほしいです")))
    await server.settle()
    await server.stop()
    restarted = await start_server(make_channel(), bot)
    await restarted.post(body(text_event("まだですか")))
    await restarted.settle()

    assert len(platform.attempts("profile")) == 1
    assert channel_events.display_name(db, USER) == "山田花子"
    assert channel_events.display_name(db, "Unknown") is None


# -- operators' messages, through Rasa's output channel ---------------------------------


async def test_operator_message_is_pushed_once_with_retry_key_and_sender_name(
    server: LineServer, platform: LinePlatform
) -> None:
    import rasa.server
    from rasa.core.processor import MessageProcessor

    app = SimpleNamespace(ctx=SimpleNamespace(input_channels=[server.channel]))
    request = SimpleNamespace(args={"output_channel": "line"}, app=app)
    output = rasa.server._get_output_channel(request, None)  # what Rasa does for output_channel=line
    events = [
        BotUttered(data={"custom": operator_custom("お待たせいたしました。担当の佐藤です。", "佐藤")}),
        BotUttered(data={"custom": madoguchi_custom("status", state="operator_joined")}),
    ]
    await MessageProcessor._send_bot_messages(events, SimpleNamespace(sender_id=USER), output)

    [push] = platform.delivered("push")
    assert push.body["to"] == USER
    assert push.body["messages"] == [
        {"type": "text", "text": "お待たせいたしました。担当の佐藤です。", "sender": {"name": "担当者 佐藤"}}
    ]
    uuid.UUID(push.retry_key)
    assert platform.attempts("reply") == []


async def test_operator_push_retried_after_500_keeps_its_retry_key_and_arrives_once(
    server: LineServer, platform: LinePlatform
) -> None:
    words = "本日発送いたしました。"
    operator_event = BotUttered(text=words, data={"custom": operator_custom(words, "鈴木")})
    output = server.channel.get_output_channel()

    platform.lose_next_answer("push")  # LINE delivered it but the answer was lost: 500
    await output.send_response(USER, operator_event.message())
    again = server.channel.get_output_channel()  # the desk retries the same event
    await again.send_response(USER, operator_event.message())

    attempts = platform.attempts("push")
    assert [c.status for c in attempts] == [500, 409, 409]
    assert len({c.retry_key for c in attempts}) == 1
    assert platform.texts_to_customer() == ["本日発送いたしました。"]

    platform.fail_next("push", 500)
    another = BotUttered(data={"custom": operator_custom("ほかにご不明な点はございますか。", "鈴木")})
    await output.send_response(USER, another.message())
    retried = platform.attempts("push")[3:]
    assert [c.status for c in retried] == [500, 200] and retried[0].retry_key == retried[1].retry_key
    assert retried[0].retry_key != attempts[0].retry_key


async def test_a_whole_handoff_over_line(
    server: LineServer, bot: StandInBot, platform: LinePlatform, db: Database
) -> None:
    """Bot hands off, the customer writes to the operator, the operator answers, the bot is back."""
    paused = {"yes": False}

    def rasa_like(text: str) -> list[dict[str, Any]]:
        if paused["yes"]:
            return []  # a paused tracker: Rasa sends nothing
        if text == "オペレーターと話したい":
            handoffs.open_handoff(
                db, sender_id=USER, channel="line", reason="customer_request",
                priority=3, summary="担当者希望", details={},
            )
            paused["yes"] = True
            return [
                {"text": "担当者におつなぎします。少々お待ちください。"},
                {"custom": madoguchi_custom("status", state="handoff")},
            ]
        return [{"text": "ご用件を承りました。"}]

    bot.answers = rasa_like
    await server.post(body(text_event("オペレーターと話したい")))
    await server.settle()
    await server.post(body(text_event("届いた箱がつぶれていました")))
    await server.settle()
    operator = BotUttered(data={"custom": operator_custom("ご迷惑をおかけし申し訳ございません。", "佐藤")})
    await server.channel.get_output_channel().send_response(USER, operator.message())
    handoffs.end(db, handoffs.open_for(db, USER).id, handoffs.RELEASED)  # the desk hands back
    paused["yes"] = False
    await server.post(body(text_event("ありがとうございます")))
    await server.settle()

    assert bot.texts == ["オペレーターと話したい", "届いた箱がつぶれていました", "ありがとうございます"]
    assert platform.texts_to_customer() == [
        "担当者におつなぎします。少々お待ちください。",
        "ご迷惑をおかけし申し訳ございません。",
        "ご用件を承りました。",
    ]
    [operator_push] = platform.delivered("push")
    assert operator_push.body["messages"][0]["sender"] == {"name": "担当者 佐藤"}
    assert len(platform.attempts("loading")) == 2  # not while the operator had the chat


# -- credentials ----------------------------------------------------------------------


def test_missing_credentials_are_refused_naming_the_variables() -> None:
    both = "LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN"
    with pytest.raises(MissingLineCredentials, match=both):
        line_credentials({"channel_secret": "", "access_token": None})
    with pytest.raises(MissingLineCredentials, match="LINE_CHANNEL_ACCESS_TOKEN"):
        LineInput(SECRET, "", api_base="http://127.0.0.1:9")
    with pytest.raises(MissingLineCredentials, match="LINE_CHANNEL_SECRET"):
        LineInput.from_credentials(None)
    with pytest.raises(MissingLineCredentials, match="LINE_CHANNEL_ACCESS_TOKEN"):
        LineInput.from_credentials({"channel_secret": SECRET})


async def test_without_credentials_the_server_starts_and_the_webhook_answers_503(
    monkeypatch: pytest.MonkeyPatch, start_server: Callable[..., Any], bot: StandInBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from madoguchi.settings import settings

    monkeypatch.setenv("LINE_CHANNEL_SECRET", "")
    monkeypatch.setenv("LINE_CHANNEL_ACCESS_TOKEN", "")
    settings.cache_clear()
    try:
        channel = LineInput.from_credentials(
            {"channel_secret": "${LINE_CHANNEL_SECRET}", "access_token": "${LINE_CHANNEL_ACCESS_TOKEN}"}
        )
    finally:
        settings.cache_clear()
    assert "LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN" in caplog.text

    server = await start_server(channel, bot)
    status, answer, _ = await server.post(body(text_event("こんにちは")))
    health_status, health = await server.get("/webhooks/line/")

    assert status == 503 and health_status == 503
    assert answer["error"] == "line_channel_not_configured"
    assert "LINE_CHANNEL_SECRET" in answer["message"]
    assert bot.received == [] and channel.get_output_channel() is None


async def test_credentials_from_the_environment_and_api_base_from_line_api_base(
    monkeypatch: pytest.MonkeyPatch, start_server: Callable[..., Any], bot: StandInBot,
    platform: LinePlatform, db: Database,
) -> None:
    from madoguchi.settings import settings

    monkeypatch.setenv("LINE_CHANNEL_SECRET", SECRET)
    monkeypatch.setenv("LINE_CHANNEL_ACCESS_TOKEN", TOKEN)
    monkeypatch.setenv("LINE_API_BASE", platform.base_url)
    settings.cache_clear()
    try:
        channel = LineInput.from_credentials(
            {"channel_secret": "${LINE_CHANNEL_SECRET}", "access_token": "${LINE_CHANNEL_ACCESS_TOKEN}"}
        )
    finally:
        settings.cache_clear()
    channel._db = db

    server = await start_server(channel, bot)
    health_status, health = await server.get("/webhooks/line/")
    await server.post(body(text_event("ありがとうございました")))
    await server.settle()

    assert (health_status, health) == (200, {"status": "ok"})
    assert platform.texts_to_customer() == ["「ありがとうございました」を承りました。"]
