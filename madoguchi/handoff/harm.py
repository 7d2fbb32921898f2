"""Goods that harmed someone: what came was eaten and the customer tells of an allergy, a
rash or a doctor (息子がもう１個食べてしもた😭 卵アレルギーあるのに, round zw). A person must
look at the goods, and the customer's fright comes first (distress, not needs_operator)."""

from __future__ import annotations

import re

from madoguchi.nlu.reading import cue_places

EATEN = re.compile(r"食べ|たべ|食っ|くっ(?:た|ちゃ|てしま)|口に入れ|くちにいれ|飲み込|のみこ")
HARMED = re.compile(
    r"アレルギ|あれるぎ|じんましん|蕁麻疹|発疹|ほっしん|救急|きゅうきゅう|病院|びょういん|息が苦|いきがくる|喘息|ぜんそく|"
    r"吐い|はいてしも|腫れ|赤くな|あかくな|ぶつぶつ|かゆが|痒が|腹痛|はらいた|おなかいた|お腹いた|お腹が痛|おなかがいた"
)


def harmed_by_goods(text: str) -> bool:
    """The customer tells that someone ate what came and is harmed or at risk (an allergy)."""
    places = cue_places(text)
    return EATEN.search(places) is not None and HARMED.search(places) is not None
