"""What the NLU reads of a message: as GiNZA's tokenizer (Sudachi) accepts it."""

from __future__ import annotations

from madoguchi.nlu.ginza import SUDACHI_MAX_BYTES, for_understanding, tokenizable


def test_the_nlu_reads_the_first_characters_as_the_tokenizer_takes_them():
    assert for_understanding("カタログ" * 500, 1000) == "カタログ" * 250
    assert for_understanding("カタ\ud800ログ\udfff", 1000) == "カタ\ufffdログ\ufffd"  # same offsets
    assert len(tokenizable("😀" * 20_000).encode("utf-8")) <= SUDACHI_MAX_BYTES
    assert tokenizable("注文番号はＡ１２３４５６７です") == "注文番号はＡ１２３４５６７です"
