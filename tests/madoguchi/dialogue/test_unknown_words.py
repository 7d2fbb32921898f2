"""A few words of the customer's own language right after an answer are thanks, not a
misunderstanding (round 2026-12-07c: mercé plan, a lèu)."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.unknown_words import after_an_answer, few_words_of_their_own


def _bot(text: str, action: str | None = None) -> dict:
    return {"event": "bot", "text": text, "metadata": {"utter_action": action} if action else {}}


def _user(text: str) -> dict:
    return {"event": "user", "text": text}


@pytest.mark.parametrize("text", ["mercé plan, a lèu", "bayarlaa!!", "fakafetai 🙏", "Kinisou chapur"])
def test_a_few_words_in_latin_letters_are_their_own(text):
    assert few_words_of_their_own(text)


@pytest.mark.parametrize("text", [
    "A1234567",  # an order number
    "zingo?",  # a question
    "ありがとう zingo",  # Japanese beside it
    "one two three four five",  # more than a word of thanks
    "supercalifragilistic expialidocious",  # more letters than thanks take
])
def test_other_messages_are_not(text):
    assert not few_words_of_their_own(text)


def test_after_an_answer_or_anything_else_but_not_after_a_question():
    asked = [_user("送料は?"), _bot("送料は全国一律880円です。"), _user("mercé plan")]
    assert after_an_answer(asked)
    anything = [_user("…"), _bot("ほかにご用件はございますか。", "utter_ask_anything_else"), _user("bayarlaa")]
    assert after_an_answer(anything)
    question = [_user("カタログ"), _bot("お届け先の郵便番号を教えてください。"), _user("zingo")]
    assert not after_an_answer(question)
    rephrase = [_user("zingo"), _bot("別の言葉でもう一度お書きいただけますか。", "utter_default"), _user("wumba")]
    assert not after_an_answer(rephrase)
    assert not after_an_answer([_user("mercés")])  # the customer's first message
