"""The one shape of what a channel answers itself before Rasa sees a message: its own
buttons (a payload goes to `on_payload`) and the free text it waits for after one (`on_text`
says whether it took it); the rest goes on to Rasa."""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

Handler = Callable[[UserMessage], Awaitable[Any]]


def intercepting(
    on_new_message: Handler,
    is_payload: Callable[[str | None], bool],
    on_payload: Callable[[UserMessage], Awaitable[None]],
    on_text: Callable[[UserMessage], Awaitable[bool]],
) -> Handler:
    """`on_new_message`, with a step's payloads and awaited text taken before Rasa."""

    async def handle(message: UserMessage) -> Any:
        text = message.text
        if is_payload(text):
            await on_payload(message)
            return None
        if text and text.strip() and not text.startswith("/") and await on_text(message):
            return None
        return await on_new_message(message)

    return handle
