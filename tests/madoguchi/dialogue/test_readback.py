"""The answer to a catalog read-back: fine, a detail to correct, or taken back."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.readback import FIX, OK, STOP, answer, fields_named


@pytest.mark.parametrize("text, intent", [
    ("おけ ありがと", "thank"),
    ("以上でお願いします", "goodbye"),
    ("急がないので普通ので大丈夫です、ありがとうございます", "request_catalog"),
    ("急がないのでふつうので大丈夫です、ありがとうございます", "deny"),  # the no is the 急がない
    ("はい、それで結構です", "affirm"),
    ("間違いないです", "inform"),
    ("ああ、普通の送り方でいい", "inform"),
    ("それで！はやめにおねがい🥺", "affirm"),  # はやめに is 早めに, no やめ
    ("yes po, salamat po talaga! 🙏", "nlu_fallback"), ("sim, obrigado", "nlu_fallback"),  # Tagalog, Portuguese (round zp)
    ("ほんと に ごめんなさい、 でんわ なし で おくって ください", "request_human"),  # send it (round 2026-12-05j)
])
def test_fine_as_it_is(text, intent):
    assert answer(text, intent) == OK


@pytest.mark.parametrize("text, intent, fields", [
    ("住所が違います", "deny", ["postal_code"]),
    ("電話番号を間違えました", "inform", ["phone"]),
    ("名前の字が違います", "deny", ["person_name"]),
    ("いいえ、直したいところがあります", "deny", []),
    ("いいえ", "deny", []),
])
def test_a_correction_names_its_detail(text, intent, fields):
    assert answer(text, intent) == FIX
    assert fields_named(text) == fields


@pytest.mark.parametrize("text", ["やっぱりやめます", "キャンセルでお願いします、ありがとう", "もう結構です"])
def test_taken_back(text):
    assert answer(text, "deny") == STOP


@pytest.mark.parametrize("text, intent", [("送料はいくらですか", "ask_shipping"), ("のしは付けられますか", "ask_gift")])
def test_a_side_question_is_none_of_them(text, intent):
    assert answer(text, intent) is None
