"""Which name a catalog request keeps: the name given, never shortened, and completed when the
customer writes it whole after signing with the family name."""

from __future__ import annotations

from actions.catalog_names import completes_the_name, name_astray
from tests.actions.conftest import make_tracker, user


def test_the_whole_name_after_a_signature_completes_it():
    """Round 2026-12-05zzw kiyotsugu-joselito-01: a request signed 古畑, then 古畑 清嗣。。。 while
    the postal code is asked; the catalog went to 古畑."""
    before = [user("カタログを 工房のほうへ 送ってもらいたいだが。。。古畑", "request_catalog"),
              {"event": "slot", "name": "person_name", "value": "古畑"}]
    whole = user("古畑 清嗣。。。", "nlu_fallback", entities=[{"entity": "person_name", "value": "古畑 清嗣"}])
    tracker = make_tracker([*before, whole], active_loop="catalog_form", requested_slot="postal_code")
    assert completes_the_name(tracker) and not name_astray(tracker)
    other = user("田中 一郎。。。", "nlu_fallback", entities=[{"entity": "person_name", "value": "田中 一郎"}])
    tracker = make_tracker([*before, other], active_loop="catalog_form", requested_slot="postal_code")
    assert not completes_the_name(tracker) and name_astray(tracker)  # another name: not taken in passing
