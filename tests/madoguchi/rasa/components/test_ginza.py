"""GiNZA as the pipeline loads it."""

from __future__ import annotations

from madoguchi.rasa.components.ginza import GinzaNLP


def test_the_components_rasa_makes_of_ginzanlp_share_one_ginza(ginza_model):
    config = {"model": "ja_ginza", "case_sensitive": False}
    provider = GinzaNLP.create(config, None, None, None)
    processor = GinzaNLP.create(config, None, None, None)
    assert provider.provide() is processor.provide() is ginza_model  # and the one already loaded
    assert provider.provide().model.pipe_names == ["tok2vec", "parser", "morphologizer"]
