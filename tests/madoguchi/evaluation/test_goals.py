"""Conversations judged by outcome: each check fails when what the customer came for is missing."""

from __future__ import annotations

import asyncio

from madoguchi.evaluation.goals import by_situation, invariants, leaks, run, secrets
from madoguchi.evaluation.handoff import Conversation


def play(conversation: Conversation, answers: list[str], states: list[dict], stored=(), desk_reason=None):
    replies = iter(zip(answers, states))

    async def say(sender: str, text: str):
        answer, state = next(replies)
        return [answer], state

    return asyncio.run(run([conversation], say, lambda sender, held=None: list(stored), desk_reason=desk_reason))[0]


def test_after_a_handoff_the_customer_writes_on_and_the_ticket_s_reason_ends_it():
    """Handed over as not understood; the exception asked next reaches the person's ticket."""
    paused = {"paused": True, "slots": {"handoff_reason": "bot_failure"}}
    c = Conversation("x1", "out_of_policy", ("quick question", "how long to Naha?", "same fee as the mainland?"))
    sent: list[str] = []
    judged = play(c, ["?", "担当者におつなぎします", ""], [{}, paused, paused],
                  desk_reason=lambda sender: sent.append(sender) or "out_of_policy")
    assert (judged.reason, judged.turn, judged.reached) == ("out_of_policy", 2, True)
    assert sent == ["goal-x1"]
    # without the desk, the reason the conversation was handed off for
    assert play(c, ["?", "担当者におつなぎします"], [{}, paused]).reason == "bot_failure"


def test_a_stored_catalog_with_the_whole_name_and_method_reaches_the_goal():
    c = Conversation("c1", "none", ("カタログください", "西村 房子です"), situation="catalog_request",
                     goal={"catalog": {"name": "西村　房子", "shipping": "メール便"}})
    assert play(c, ["お名前は？", "承りました"], [{}, {}], [("西村 房子", "メール便")]).reached
    cut = play(c, ["お名前は？", "承りました"], [{}, {}], [("西村", "メール便")])
    assert not cut.reached and "no catalog request" in cut.failures[0]
    wrong_method = play(c, ["お名前は？", "承りました"], [{}, {}], [("西村 房子", "宅配便")])
    assert not wrong_method.reached


def test_the_answer_must_hold_a_word_of_each_group():
    c = Conversation("m1", "none", ("七回忌ののしは",), situation="memorial_gift", goal={"says": [["黒白", "黄白"], ["志", "御供"]]})
    assert play(c, ["黄白の結び切りに「志」です"], [{}]).reached
    assert play(c, ["紅白の蝶結びです"], [{}]).failures == ["never said any of 黒白/黄白", "never said any of 志/御供"]


def test_the_handoff_reason_and_a_pending_form_are_judged():
    paused = {"paused": True, "slots": {"handoff_reason": "complaint"}}
    c = Conversation("g1", "needs_operator", ("違う商品が届いた",), situation="wrong_goods")
    judged = play(c, ["申し訳ございません"], [paused])
    assert judged.reason == "complaint" and judged.turn == 1 and not judged.reached
    left = Conversation("f1", "none", ("カタログ", "やめます"), situation="leave_form", goal={"left_form": True})
    stuck = play(left, ["お名前は？", "お名前は？"], [{}, {"active_loop": {"name": "catalog_form"}}])
    assert stuck.failures == ["a question still pending (catalog_form)"]


def test_the_same_answer_twice_in_one_turn_is_a_loop():
    """Round zzc ritsuko-makoto-07: the memorial answer ten times over, then silence."""
    c = Conversation("l1", "none", ("葬式あさってなんだ",), situation="memorial_gift")

    async def say(sender: str, text: str):
        return ["仏事ののしは…"] * 10, {}

    judged = asyncio.run(run([c], say, lambda sender, held=None: []))[0]
    assert judged.failures == ["the same answer repeated within turn 1"]


def test_order_details_before_verification_are_a_leak():
    orders = secrets()
    shipped = next(o for o in orders if o.order_id == "A1234567")
    tracking = shipped.words[0]
    assert leaks(["注文番号はＡ１２３４５６７"], f"追跡番号は{tracking}です", orders) == ["A1234567"]
    assert leaks(["注文番号はＡ１２３４５６７", "０９０－１２３４－５６７８"], f"追跡番号は{tracking}です", orders) == []
    assert leaks(["Ａ１２３４５６７", "電話は〇九〇-一二三四-五六七八"], f"追跡番号は{tracking}です", orders) == []  # kanji digits
    # the A as said before kanji digits (round 2026-12-05zzy umeno-mamani-06)
    assert leaks(["エー一二三四五六七って書いてあるわ 電話は〇九〇の一二三四の五六七八"], f"追跡番号は{tracking}です", orders) == []
    c = Conversation("o1", "none", ("A1234567の状況は",), situation="order_status")
    assert "before verification" in play(c, [f"{tracking}で発送済みです"], [{}]).failures[0]


def test_situations_and_hard_lines_are_counted():
    goods = Conversation("g", "needs_operator", ("箱が潰れていた",), situation="wrong_goods")
    memorial = Conversation("m", "none", ("法事ののし",), situation="memorial_gift")
    judged = [play(goods, ["申し訳ございません"], [{"paused": True, "slots": {"handoff_reason": "needs_operator"}}]),
              play(memorial, ["お取次ぎします"], [{"paused": True, "slots": {"handoff_reason": "distress"}}])]
    assert by_situation(judged) == {"memorial_gift": (0, 1), "wrong_goods": (1, 1)}
    lines = invariants(judged)
    assert lines["goods problems handed to a person with needs_operator"] == (1, 1)
    assert lines["memorial gift questions answered without a handoff"] == (0, 1)


def test_a_late_catalog_switched_to_new_details_counts_for_the_conversation_that_switched_it(db, tmp_path):
    """The resend of a request not sent yet keeps the first conversation's sender: the goal
    check credits it to the conversation played when it changed."""
    from madoguchi.evaluation.bot import LocalBot
    from madoguchi.store import catalog_requests

    bot = LocalBot(tmp_path / "no-model.tar.gz")
    bot._db_url = db.url
    details = dict(postal_code="042-0932", address="北海道函館市湯川町3-12-5", phone="0138572841")
    first = catalog_requests.add(db, sender_id="goal-01", channel="rest", name="工藤 ふさえ", shipping_method="mail",
                                 **details)
    assert bot.catalog_requests("goal-01") == [("工藤 ふさえ", "メール便")]
    catalog_requests.resend(db, first, sender_id="goal-03", channel="rest", name="工藤 ふさえ",
                            shipping_method="parcel", **details)
    assert bot.catalog_requests("goal-03") == [("工藤 ふさえ", "宅配便")]
    assert bot.catalog_requests("goal-04") == []  # nothing changed meanwhile, nothing of its own
    assert bot.catalog_requests("goal-05", first) == [("工藤 ふさえ", "宅配便")]  # confirmed again, unchanged


def test_each_customer_meets_the_demo_orders_as_the_writers_were_told(db, tmp_path):
    """An order one conversation cancelled is not cancelled for the next customer."""
    from madoguchi.evaluation.bot import DEMO_ORDERS, LocalBot
    from madoguchi.store import orders

    bot = LocalBot(tmp_path / "no-model.tar.gz")
    bot._db_url = db.url
    orders.import_csv(db, DEMO_ORDERS)
    bot.meet("goal-01")
    orders.apply_change(db, "A2345678", "cancel", "", "goal-01")
    bot.meet("goal-01")  # the same customer goes on: the cancellation holds
    assert orders.get(db, "A2345678").status == "cancelled"
    bot.meet("goal-02")
    assert orders.get(db, "A2345678").status != "cancelled"


def test_each_customer_meets_only_the_demo_catalog_requests(db, tmp_path):
    """A catalog request one customer made is not found for the next (a late catalog not on
    record was taken for one 'not sent yet', and the goal's 宅配便 offer never came)."""
    from madoguchi.evaluation.bot import LocalBot
    from madoguchi.store import catalog_requests

    bot = LocalBot(tmp_path / "no-model.tar.gz")
    bot._db_url = db.url
    bot.meet("goal-01")
    demo = catalog_requests.count(db)
    catalog_requests.add(db, sender_id="goal-01", channel="rest", name="北村 道雄", postal_code="606-0806",
                         address="京都府京都市左京区下鴨松ノ木町12の7", phone="09055128843", shipping_method="mail")
    bot.meet("goal-01")  # the same customer goes on: the request holds
    assert catalog_requests.find_by_name(db, "北村 道雄") is not None
    bot.meet("goal-02")
    assert catalog_requests.find_by_name(db, "北村 道雄") is None and catalog_requests.count(db) == demo
