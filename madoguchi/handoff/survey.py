"""「解決しましたか」: what the customer is asked when an operator closes the chat, and how
their answer comes back.

The question goes out with the desk's close (`madoguchi.desk.rasa_client.RasaClient.close`)
as a bot event with two buttons, so Rasa sends it on the customer's own channel: quick
replies on the web chat, LINE quick replies (a `/` payload is an invisible postback there,
the title shown as the customer's words). A button's payload names the handoff:

    /csat{"handoff": 12, "solved": true}      はい
    /csat{"handoff": 12, "solved": false}     いいえ
    /csat{"handoff": 12, "comment": true}     ひとこと書く (the next message is the comment)

These never reach Rasa's NLU or policies: the channels answer them first
(`madoguchi.channels.survey`), so an answer neither starts a flow nor needs an intent,
whatever the tracker's state after the close (resumed, slots reset, listening).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

QUESTION = "最後にひとつお聞かせください。今回のお問い合わせは解決しましたか。"
YES, NO = "はい", "いいえ"
WRITE = "ひとこと書く"

THANKS_SOLVED = "ご回答ありがとうございました。お役に立てて何よりです。"
THANKS_UNSOLVED = (
    "ご回答ありがとうございました。解決に至らず、申し訳ございません。"
    "まだお困りのことがございましたら、このままご用件をお書きください。担当者におつなぎすることもできます。"
)
ASK_COMMENT = "よろしければ、ご意見・ご感想をひとことお聞かせください。"
WRITE_NOW = "ありがとうございます。ご意見・ご感想をお書きください。"
THANKS_COMMENT = "ご意見をお寄せいただき、ありがとうございました。今後の参考にさせていただきます。"
NOT_YOURS = "恐れ入りますが、こちらのご回答は受け付けられませんでした。ご用件がございましたら、そのままお書きください。"

PREFIX = "/csat"
PAYLOAD = re.compile(r"^/csat(\{.{1,200}\})$")


@dataclass(frozen=True)
class Answer:
    """What a survey button said: the handoff, and はい/いいえ or the wish to write a comment."""

    handoff_id: int
    solved: bool | None = None  # None: the ひとこと書く button
    comment: bool = False

    @property
    def shown(self) -> str:
        """The button's title: what the customer saw themselves say."""
        if self.comment:
            return WRITE
        return YES if self.solved else NO


def payload(handoff_id: int, **fields: Any) -> str:
    """A survey button's payload."""
    return PREFIX + json.dumps({"handoff": handoff_id, **fields}, separators=(",", ":"))


def question(handoff_id: int) -> tuple[str, list[dict[str, str]]]:
    """The question and its two buttons, for the handoff being closed."""
    return QUESTION, [
        {"title": YES, "payload": payload(handoff_id, solved=True)},
        {"title": NO, "payload": payload(handoff_id, solved=False)},
    ]


def comment_button(handoff_id: int) -> list[dict[str, str]]:
    """The button that asks for a comment."""
    return [{"title": WRITE, "payload": payload(handoff_id, comment=True)}]


def button_data(pattern: re.Pattern, text: str | None) -> dict[str, Any] | None:
    """The JSON object of a button payload of ours (`/csat{...}`, `/callback{...}`): `pattern`
    matches the payload whole, its first group the object; None when it is not one."""
    match = pattern.match(text or "")
    if not match:
        return None
    try:
        data = json.loads(match.group(1))
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def is_id(value: Any) -> bool:
    """A row id as a payload may carry one: a positive integer (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def is_survey(text: str | None) -> bool:
    """Whether a message is a survey button's payload (cheap: no JSON parsed)."""
    return isinstance(text, str) and text.startswith(PREFIX + "{")


def parse(text: str | None) -> Answer | None:
    """The answer a payload carries; None when it is no well-formed survey payload."""
    data = button_data(PAYLOAD, text)
    handoff_id = data.get("handoff") if data else None
    if not is_id(handoff_id):
        return None
    if data.get("comment") is True:
        return Answer(handoff_id, comment=True)
    solved = data.get("solved")
    if isinstance(solved, bool):
        return Answer(handoff_id, solved=solved)
    return None
