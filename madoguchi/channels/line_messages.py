"""Rasa responses as LINE messages, quick replies, and the channel's own polite answers.

LINE's limits (Messaging API reference): at most 5 messages per reply or push call, a
text of at most 5000 characters, at most 13 quick reply items, an action label of at
most 20 characters, a message or postback text of at most 300, a sender name of at most
20. What does not fit is shortened rather than refused by LINE with a 400.
"""

from __future__ import annotations

import logging
from typing import Any, Iterable, Iterator, Sequence

from linebot.v3.messaging import (
    ImageMessage,
    Message,
    MessageAction,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    Sender,
    TextMessage,
)

logger = logging.getLogger(__name__)

MAX_MESSAGES_PER_CALL = 5
MAX_QUICK_REPLIES = 13
MAX_LABEL = 20
MAX_ACTION_TEXT = 300
MAX_TEXT = 5000
MAX_SENDER_NAME = 20
OPERATOR_SENDER_PREFIX = "担当者"

# What the channel answers itself, when there is nothing for the bot to read.
STICKER_ANSWER = "スタンプをありがとうございます。ご用件がございましたら、文字でお送りください。"
MEDIA_ANSWER = (
    "お送りいただきありがとうございます。申し訳ございませんが、こちらの窓口では"
    "画像・動画・音声・ファイルの内容を確認できません。お手数ですが、ご用件を文字でお送りください。"
    "商品の破損などのご相談は「担当者と話したい」とお書きいただければ、担当者におつなぎします。"
)
LOCATION_WITHOUT_ADDRESS_ANSWER = (
    "位置情報をありがとうございます。恐れ入りますが、ご住所を文字でお送りください。"
)
OTHER_ANSWER = "申し訳ございませんが、こちらの形式のメッセージには対応しておりません。ご用件を文字でお送りください。"
FAILURE_ANSWER = (
    "申し訳ございません。ただいま自動応答がご用件を承れませんでした。"
    "お手数ですが、少し時間をおいてもう一度お送りください。"
)

MEDIA_TYPES = ("image", "video", "audio", "file")

# What the operator reads in the transcript when a customer handed to them sends no text.
PLACEHOLDERS = {
    "sticker": "（スタンプ）",
    "image": "（画像が送信されました）",
    "video": "（動画が送信されました）",
    "audio": "（音声が送信されました）",
    "file": "（ファイルが送信されました）",
    "location": "（位置情報が送信されました）",
}


def shorten(text: str, limit: int) -> str:
    """The text, cut to `limit` characters with an ellipsis when longer."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quick_reply(buttons: Sequence[dict[str, Any]]) -> QuickReply | None:
    """Rasa buttons as LINE quick reply items (the first 13).

    A payload the NLU should skip (`/intent{...}`) goes back as an invisible postback with
    the title shown in the chat; any other payload is sent as the customer's own words.
    """
    items: list[QuickReplyItem] = []
    for button in buttons:
        title = str(button.get("title") or button.get("payload") or "").strip()
        payload = str(button.get("payload") or title).strip()
        if not title:
            continue
        label = shorten(title, MAX_LABEL)
        if payload.startswith("/"):
            action = PostbackAction(
                label=label,
                data=payload[:MAX_ACTION_TEXT],
                display_text=shorten(title, MAX_ACTION_TEXT),
            )
        else:
            action = MessageAction(label=label, text=shorten(payload, MAX_ACTION_TEXT))
        items.append(QuickReplyItem(action=action))
    if len(items) > MAX_QUICK_REPLIES:
        logger.warning(
            "LINE shows at most %d quick replies: %d buttons dropped (%s)",
            MAX_QUICK_REPLIES,
            len(items) - MAX_QUICK_REPLIES,
            ", ".join(i.action.label for i in items[MAX_QUICK_REPLIES:]),
        )
        items = items[:MAX_QUICK_REPLIES]
    return QuickReply(items=items) if items else None


def text_message(
    text: str, buttons: Sequence[dict[str, Any]] = (), sender: str | None = None
) -> TextMessage:
    """A LINE text message, with quick replies for buttons and a sender name if given."""
    return TextMessage(
        text=shorten(text, MAX_TEXT),
        quick_reply=quick_reply(buttons),
        sender=Sender(name=shorten(sender, MAX_SENDER_NAME)) if sender else None,
    )


def operator_sender(operator: str | None) -> str:
    """The sender name an operator's message shows: 担当者 and the operator's name."""
    name = (operator or "").strip()
    return f"{OPERATOR_SENDER_PREFIX} {name}" if name else OPERATOR_SENDER_PREFIX


def madoguchi_payload(custom: Any) -> dict[str, Any] | None:
    """Our own custom payload (`{"data": {"madoguchi": ...}}`) inside a response, if any."""
    inner = custom.get("data") if isinstance(custom, dict) else None
    return inner if isinstance(inner, dict) and "madoguchi" in inner else None


def messages_for(response: dict[str, Any]) -> list[Message]:
    """A Rasa bot response (what `send_response` receives) as LINE messages.

    An operator's message becomes a text with the operator as sender (the event's own
    text, if the desk set one, is the same words and is not sent twice); a status
    payload is not shown on LINE, the bot's text already says it.
    """
    ours = madoguchi_payload(response.get("custom"))
    if ours is not None and ours.get("madoguchi") == "operator":
        text = str(ours.get("text") or "").strip()
        return [text_message(text, sender=operator_sender(ours.get("operator")))] if text else []

    messages: list[Message] = []
    text = str(response.get("text") or "").strip()
    buttons = response.get("quick_replies") or response.get("buttons") or []
    if text:
        messages.append(text_message(text, buttons))
    elif buttons:
        messages.append(text_message("お選びください。", buttons))
    image = response.get("image")
    if isinstance(image, str) and image.startswith("https://"):
        messages.append(ImageMessage(original_content_url=image, preview_image_url=image))
    elif image:
        logger.warning("LINE shows only https images; not sent: %s", image)
    attachment = response.get("attachment")
    if isinstance(attachment, str) and attachment.strip():
        messages.append(text_message(attachment))
    for element in response.get("elements") or []:
        if isinstance(element, dict):
            title = " ".join(str(element.get(k) or "") for k in ("title", "subtitle")).strip()
            if title:
                messages.append(text_message(title, element.get("buttons") or []))
    custom = response.get("custom")
    if custom and ours is None:
        logger.debug("custom payload not shown on LINE: %s", custom)
    return messages


def quick_replies_last(messages: list[Message]) -> list[Message]:
    """LINE shows quick replies only under the last message: move the turn's there."""
    if len(messages) < 2 or getattr(messages[-1], "quick_reply", None):
        return messages
    for index in range(len(messages) - 2, -1, -1):
        quick = getattr(messages[index], "quick_reply", None)
        if quick and hasattr(messages[-1], "quick_reply"):
            moved = list(messages)
            moved[index] = moved[index].copy(update={"quick_reply": None})
            moved[-1] = moved[-1].copy(update={"quick_reply": quick})
            return moved
    return messages


def chunks(
    messages: Sequence[Message], size: int = MAX_MESSAGES_PER_CALL
) -> Iterator[list[Message]]:
    """Messages in calls of at most `size`."""
    for start in range(0, len(messages), size):
        yield list(messages[start : start + size])


def texts_of(messages: Iterable[Message]) -> list[str]:
    """What the messages say, for logs when they could not be delivered."""
    return [getattr(m, "text", None) or f"<{m.type}>" for m in messages]


def location_text(message: dict[str, Any]) -> str | None:
    """A shared location as the address the customer would write, None without one."""
    address = str(message.get("address") or "").strip()
    for prefix in ("日本、", "日本 ", "Japan, "):
        if address.startswith(prefix):
            address = address[len(prefix) :].strip()
    return address or None
