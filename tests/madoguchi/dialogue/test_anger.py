"""Anger in a refusal told apart from an irritated why and from a wariness of fraud."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.anger import angry_beyond_asking_why, wary_of_fraud, wary_of_sharing


@pytest.mark.parametrize("text, wary", [
    ("でんわばんごう なんか おしえらんねえ　さぎの でんわが しょっちゅう かかってくんだ", True),  # round 05zzh
    ("機械ニ 電話番号 ナド 教ヘラレン。詐欺 ノ 多イ 世ノ中 ダ。", True), ("there are so many scam calls", True),
    ("うさぎの でんわ かわいいね", False), ("この店は詐欺みたいだ", False),
])
def test_a_wariness_of_fraud_in_the_world_is_told_apart(text, wary):
    assert wary_of_fraud(text) is wary


@pytest.mark.parametrize("text, angry", [
    ("なんで電話番号がいるんだ、めんどくさい", False), ("電話番号なんか教えるか、ふざけんな", True),
    # a huff at a refusal (round 2026-12-07n tsuneo-arnel-17): explained once, no complaint
    ("i already ordered many times from u, u have all my data. just look it up, i'm busy po 😤", False),
    ("just look it up 😤 this is ridiculous", True),
])
def test_an_irritated_why_is_no_anger(text, angry):
    assert angry_beyond_asking_why(text) is angry


@pytest.mark.parametrize("text, wary", [
    ("電話番号をチャットに書くのは少し不安です… privacy が心配です。", True),  # round 2026-12-05zzy
    ("個人情報なので教えたくないです", True), ("番号を書くのは抵抗があります", True),
    ("荷物が届かなくて不安です", False), ("電話が通じなくて心配です", False),
])
def test_a_worry_for_privacy_is_told_apart_from_one_about_the_order(text, wary):
    assert wary_of_sharing(text) is wary
