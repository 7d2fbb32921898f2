"""The triage on Rasa messages after the normalizer, GiNZA and the entity extractor, as the
NLU graph runs them (no DIET)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from madoguchi.rasa.components.ginza import GinzaNLP
from madoguchi.rasa.components.triage import HandoffTriage
from tests.madoguchi.rasa.components.messages import extract, normalize


@pytest.fixture(scope="module")
def understand(ginza_model):
    """WidthNormalizer, GiNZA, ShopEntityExtractor and HandoffTriage as the pipeline runs them
    (no DIET); `GinzaNLP` gets the session's GiNZA, as a second one in the graph would."""
    config = {"model": "ja_ginza", "case_sensitive": False}
    ginza = GinzaNLP.create(config, None, None, None)
    assert ginza.provide() is ginza_model
    triage = HandoffTriage.create({}, None, None, None)

    def run(text: str) -> Message:
        message = normalize(text)
        ginza.process([message], ginza.provide())
        extract(message)
        triage.process([message], ginza.provide())
        return message

    return run


ODD = {
    "over-sudachi-ascii": "x" * 60_000,
    "request-then-junk": "カタログを送ってください" + "x" * 60_000,
    "emoji": "😀" * 20_000,
    "lone-surrogate": "\ud800カタログを送って\udc00",
    "nul": "\x00" * 10,
    "newlines": "\n" * 10_000,
    "zero-width": "\u200b\u200d\ufeff",
    "control": "\x01\x1b[31mカタログ\x7f",
}


@pytest.mark.parametrize("text", ODD.values(), ids=ODD.keys())
def test_odd_and_oversized_messages_are_understood_and_kept_whole(understand, text):
    message = understand(text)
    assert message.get("text") == text  # the transcript and /model/parse keep it whole
    assert message.get("triage") is not None


def test_the_triage_reads_what_the_classifier_read(understand):
    triage = understand("配送について。" + "あ" * 2000 + "どうしよう、助けて").get("triage")
    assert triage["cues"] == [] and not triage["grief"]  # nothing after the first 1,000 characters is read
    triage = understand("どうしよう、助けて").get("triage")
    assert triage["cues"] == ["どうしよ", "助けて"]


@pytest.mark.parametrize("confidence, counted", [(0.46, True), (0.9, False)])
def test_goods_the_detector_learned_count_in_distress_it_hardly_read(ginza_model, confidence, counted):
    """Round 2026-12-07p kiyo-kadiatou-11: …But today come センベイ, very hard. She cannot eat this,
    distress at 0.46 with the detector's 0.97, was answered as a question about products; distress
    read surely stays distress."""
    from madoguchi.rasa.components.goods import GOODS_LEARNED

    ginza = GinzaNLP.create({"model": "ja_ginza", "case_sensitive": False}, None, None, None)
    triage = HandoffTriage.create({}, None, None, None)
    message = normalize("Hello. I order soft sweets. But today come センベイ, very hard. She cannot eat this")
    ginza.process([message], ginza.provide())
    extract(message)
    message.set("intent", {"name": "express_distress", "confidence": confidence})
    message.set(GOODS_LEARNED, True)
    triage.process([message], ginza.provide())
    assert message.get("triage")["goods_problem"] is counted
