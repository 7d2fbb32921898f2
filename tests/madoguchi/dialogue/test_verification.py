"""Reading a customer's answer to "your order number, please" that holds no number."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.verification import (
    REFUSED,
    STOPPED,
    UNKNOWN,
    ask_response,
    gives_up,
    only_not_knowing,
    reading,
)


@pytest.mark.parametrize(
    "text",
    ["注文番号がわかりません", "ばんごう わからない", "メールを消してしまいました", "納品書をなくしました",
     "どこに書いてあるの？", "覚えていないです", "登録した電話番号を忘れました"],
)
def test_not_knowing_the_number(text):
    assert reading(text) == UNKNOWN


@pytest.mark.parametrize(
    "text",
    ["そっちで調べてよ、教える必要ないでしょ", "電話番号は教えたくない", "なんで電話番号がいるの",
     "個人情報なので言いたくないです", "そちらで調べればわかるでしょう"],
)
def test_refusing_the_number(text):
    assert reading(text) == REFUSED


@pytest.mark.parametrize("text", ["やめます", "またにします", "もういいです", "やっぱり結構です"])
def test_stopping(text):
    assert reading(text) == STOPPED


@pytest.mark.parametrize("text", ["A1234567", "山田です", ""])
def test_anything_else_is_no_reading(text):
    assert reading(text) is None


def test_not_knowing_is_no_distress_but_a_fright_is():
    assert only_not_knowing({"cues": ["わかりませ"], "intensity": 0})
    assert not only_not_knowing({"cues": ["わかりませ", "どうしよう"], "intensity": 0})
    assert not only_not_knowing({"cues": ["わからな"], "intensity": 1})


def test_no_question_is_asked_twice_in_the_same_words():
    for slot in ("order_id", "phone"):
        asked = [ask_response(slot, n, None) for n in range(3)]
        assert len(set(asked)) == 3, asked
        assert ask_response(slot, 3, None) is None  # then a person, not a fourth time


def test_what_the_customer_said_chooses_the_words():
    assert ask_response("order_id", 1, UNKNOWN) == "utter_order_id_where"
    assert ask_response("phone", 1, REFUSED) == "utter_verification_why"
    assert ask_response("order_id", 1, "invalid") == "utter_order_id_invalid"
    assert ask_response("order_id", 2, "invalid") == "utter_order_id_or_person"


def test_giving_up_after_told_once_or_refused_twice():
    assert not gives_up(1, 0, 1) and gives_up(2, 0, 1)
    assert not gives_up(0, 1, 1) and gives_up(0, 2, 1)
    assert not gives_up(0, 0, 2) and gives_up(0, 0, 3)


def test_a_misread_side_question_that_asks_nothing_is_a_reply():
    from madoguchi.dialogue.verification import side_question_reading

    assert side_question_reading("探したけど見つからないです") == UNKNOWN
    assert side_question_reading("のしの書き方がわからないのですが") is None  # a real gift question
    assert side_question_reading("送料はいくらですか") is None
