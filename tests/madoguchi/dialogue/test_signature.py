"""A name signed at the end of every message is no part of the details given."""

from __future__ import annotations

from madoguchi.dialogue.signature import signature_of, without_signature

SIGNED = [
    "おばんです　おたくの　かたろぐ　ほしいんだども　おくって　もらえるすか　すみませんねささきつやこ",
    "なまえは　ささきつやこ　です　よろしく　おねがいしますささきつやこ",
    "〒０２８－０６６１です　ささきつやこ",
]


def test_the_name_at_the_end_of_several_messages_is_the_signature():
    assert signature_of(SIGNED) == "ささきつやこ"
    assert signature_of(["おねがいしますすみこ", "ありがとうございますすみこ"]) == "すみこ"


def test_a_space_inside_the_shared_end_is_where_the_signature_begins():
    """Three messages ending in す before the name signed 「すささきつやこ」: the catalog went
    to 「ささきつやこ ですささきつやこ 様」."""
    texts = ["まだ　とどかねえす　ささきつやこ", "もうしわけねっすささきつやこ", "なまえは　ささきつやこ　ですささきつやこ"]
    assert signature_of(texts) == "ささきつやこ"
    assert signature_of(["おくってください　ささき　つやこ", "おねがいします　ささき　つやこ"]) == "ささきつやこ"


def test_messages_ending_alike_by_courtesy_have_no_signature():
    assert signature_of(["カタログください", "よろしくお願いします", "ありがとうございます"]) is None
    assert signature_of(["送料はいくらですか", "日持ちはしますか"]) is None
    assert signature_of(["090-1234-5678", "080-2222-5678"]) is None  # digits are no name


def test_a_detail_ends_before_the_signature():
    assert without_signature("ささきつやこ ですささきつやこ", "ささきつやこ") == "ささきつやこ"
    assert without_signature("岩手県遠野市附馬牛町上附馬牛です ささきつやこ", "ささきつやこ") == "岩手県遠野市附馬牛町上附馬牛"
    assert without_signature("ささきつやこ", "ささきつやこ") == "ささきつやこ"  # the name itself stays
    assert without_signature("東京都港区1-2-3", None) == "東京都港区1-2-3"
