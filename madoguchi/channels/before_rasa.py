"""What the channels answer themselves before Rasa sees a message: the callback booking,
then the 「解決しましたか」 survey, then a message sent again while a person is coming (each an
`intercepting` step)."""

from __future__ import annotations

from typing import Callable

from madoguchi.channels.callback import taking_callbacks
from madoguchi.channels.intercepting import Handler
from madoguchi.channels.resent import telling_resent
from madoguchi.channels.survey import answering_surveys
from madoguchi.store.db import Database


def before_rasa(on_new_message: Handler, db: Callable[[], Database]) -> Handler:
    """A channel's handler with the callback booking and the survey answered first, and a
    message sent again to a conversation with a person told that the person is coming."""
    return taking_callbacks(answering_surveys(telling_resent(on_new_message, db), db), db)
