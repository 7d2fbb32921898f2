"""A gift being planned, misread as a change to an order, is told apart from a real change."""

from __future__ import annotations

from madoguchi.dialogue.gift_plan import plans_a_gift


def test_planning_a_memorial_gift_is_no_change_to_an_order():
    for text in (
        "来月、祖父の十三回忌をするので、お返しのお菓子を用意したいです",
        "夫の一周忌に来てくださる方へ、お菓子を配りたいと思っています",
        "会社の創立記念で取引先に60名分手配予定です",
        "法事のお菓子を30個注文したいのですが",
    ):
        assert plans_a_gift(text), text


def test_a_change_or_an_order_placed_is_still_a_change():
    for text in (
        "一周忌用に注文したお菓子の届け日を変えたい",
        "法事のお菓子、キャンセルでお願いします",
        "A1234567の送り先を実家にしたい",
        "お供えの品を20人分から30人分に増やしたい",
        "注文をやめたいです",
        "法要の日取り、寺の都合にて一週間繰り下げと相成り候ゆゑ、御屆けの日を一月十八日に變更いたしたく候。",  # old kanji
    ):
        assert not plans_a_gift(text), text
