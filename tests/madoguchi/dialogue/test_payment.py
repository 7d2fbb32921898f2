import pytest

from madoguchi.dialogue.payment import asks_about_paying


@pytest.mark.parametrize("text", [
    "Pakistan ke bank account se bank transfer kar sakta hoon? 海外送金 ok?",  # round 2026-12-05u
    "I asked about overseas bank transfer, not shipping. again please",
    "支払いはコンビニでできますか", "代引きってできる？", "クレジットカードで払えますか",
])
def test_a_question_how_to_pay_is_seen(text):
    assert asks_about_paying(text)


@pytest.mark.parametrize("text", ["二回払ってしまいました、返金してください", "I was charged twice, please refund",
                                  "送料はいくらですか", "明日の天気は？"])
def test_a_payment_made_or_another_question_is_not(text):
    assert not asks_about_paying(text)
