"""A second failure of a late catalog, told by the customer."""

from __future__ import annotations

import pytest

from madoguchi.dialogue.second_failure import told_second_failure


@pytest.mark.parametrize("text", [
    "こないだこちらでお願いしたら、宅配便で二日くらいで届けますって言うてもろうたとです",
    "再送してもらったのにまた届かない",
    "前に宅配便で頼んだのにまだ来ない",
    "二回目なのにまだ届かないんですけど",
    "先週お話ししましたら、宅配便で送り直しますとのことどした。そやけどまだ届いてしまへん",  # promised, in Kyoto speech
    "2かい たのみました。 にかいめ は きのう とどく と いわれました。 でも まだ きません",  # asked twice, in kana
    "you resent the catalog by takkyubin last week and said 2 days. still nothing",  # in English (round zzi)
    "Last week you told me the catalog would come by takkyubin in two days.",  # round 2026-12-05zza, in the replay
    "カタログ頼んで二回も来んで、電話しても全然つながらんし",  # twice not come, in Bingo speech (round 2026-12-05zzl)
])
def test_a_resend_told_of(text):
    assert told_second_failure([text])


@pytest.mark.parametrize("text", [
    "カタログを宅配便で送ってもらえますか",
    "宅配便でお願いします",
    "カタログ頼んだのに来ない",
    "宅配便で送ってもらったら助かります",
    "急ぎなので宅配便でお願いできますか",
    "2回頼んでも大丈夫ですか", "二回も頼んでごめんなさい、来たら一冊返します",  # asked twice, nothing not come
    "急ぎではないので、もう一度送っていただけますか、とのことです",  # a resend asked for, by a helper
    "could you send it again please? it never came", "can you send the catalog by takkyubin?",
])
def test_a_resend_asked_for_or_a_first_lateness_is_none(text):
    assert not told_second_failure([text])
