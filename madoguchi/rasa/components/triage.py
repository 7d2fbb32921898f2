"""The pipeline's last component: the handoff triage (`madoguchi.nlu.triage`).

`HandoffTriage` reads the same part of the message as the components before it (the text as
written, or its kana reading), with GiNZA's tokens and, when a distress cue must be checked
for negation, GiNZA's neural parse, and what the goods detector read (`goods`); it adds `triage`
to the message's parse and corrects its intent when the triage is clear (`madoguchi.nlu.corrections`).
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from madoguchi.nlu.ginza import tokenizable
from madoguchi.rasa.components.goods import GOODS_LEARNED, GOODS_LIKELIHOOD
from madoguchi.rasa.components.normalizer import READING, UNDERSTOOD
from madoguchi.rasa.components.untrained import UntrainedComponent


# The readings for which what the goods detector read counts: a complaint (a complaint, or goods?) and
# a message not understood. Not distress, a request beyond the rules or a calm question: on the own
# handoff set it read as goods a parcel not come yet (先方に届いていないみたいで…不安で), too few
# ordered (数が足りひんことに今気づいてん) and a taste not liked (思ってたのと違ったので返金).
LEARNED_GOODS_READ_AS = ("complain", "nlu_fallback")
# Distress read below this is as good as not understood for the goods detector (…But today come センベイ,
# very hard. She cannot eat this: distress 0.46, round 2026-12-07p kiyo-kadiatou-11).
DISTRESS_HARDLY_READ = 0.5


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False, model_from="GinzaNLP"
)
class HandoffTriage(UntrainedComponent):
    """Distress score, goods problems and gibberish from GiNZA's analysis
    (`madoguchi.nlu.triage`).

    Runs last: it may correct the intent that the dialogue acts on. Cue words and the
    distress threshold come from the shop rules file, read when first needed.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        # The corrections of `madoguchi.nlu.corrections` ("essential", the only ones there are:
        # gibberish, goods problems, distress over the threshold, waits); config.yml names them.
        return {"corrections": "essential"}

    def __init__(self, config: dict[str, Any]) -> None:
        self._lexicon = None
        self._threshold = None
        corrections = {**self.get_default_config(), **config}["corrections"]
        if corrections != "essential":
            raise ValueError(f"HandoffTriage: corrections must be 'essential', not {corrections!r}")

    def _setup(self) -> None:
        from madoguchi.nlu.triage import Lexicon
        from madoguchi.shop.rules import shop_rules

        rules = shop_rules()
        self._lexicon = Lexicon.from_cues(rules.cues)
        self._threshold = rules.distress_threshold

    def process(self, messages: list[Message], model: Any = None) -> list[Message]:
        """Adds `triage` to each message's parse and corrects its intent when clear."""
        from madoguchi.nlu.corrections import correct_intent
        from madoguchi.nlu.triage import assess

        if self._lexicon is None:
            self._setup()
        parser = _parser_of(model)
        dictionary_words = _dictionary_of(model)
        for message in messages:
            # The text as written, as far as the NLU read it (the message's TEXT is whole again).
            read = message.get(READING)
            text = read.text if read is not None else message.get(UNDERSTOOD) or message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) or ""
            ranking = message.get(INTENT_RANKING_KEY) or []
            p_distress = next((r["confidence"] for r in ranking if r["name"] == "express_distress"), 0.0)
            if intent == "express_distress":
                p_distress = max(p_distress, (message.get(INTENT) or {}).get("confidence", 0.0))
            confidence = (message.get(INTENT) or {}).get("confidence", 0.0)
            hardly_read = intent == "express_distress" and confidence < DISTRESS_HARDLY_READ
            learned = bool(message.get(GOODS_LEARNED)) and (intent in LEARNED_GOODS_READ_AS or hardly_read)
            result = assess(text, message.get(SPACY_DOCS[TEXT]), self._lexicon, p_distress, parser, dictionary_words,
                            learned, written=message.get(TEXT) or "")
            triage = result.as_dict()
            if message.get(GOODS_LIKELIHOOD) is not None:
                triage["goods_likelihood"] = round(float(message.get(GOODS_LIKELIHOOD)), 3)
            corrected = correct_intent(intent, ranking, result, self._threshold)
            if corrected != intent:
                triage["changed_from"] = intent
                confidence = (message.get(INTENT) or {}).get("confidence", 0.0)
                message.set(INTENT, {INTENT_NAME_KEY: corrected, "confidence": confidence}, add_to_output=True)
            message.set("triage", triage, add_to_output=True)
        return messages


def _dictionary_of(model: Any):
    """The words of a text Sudachi's dictionary knows (`madoguchi.nlu.gibberish.is_gibberish`)."""
    nlp = getattr(model, "model", None)
    if nlp is None or not hasattr(getattr(nlp, "tokenizer", None), "tokenizer"):
        return None
    from madoguchi.nlu.gibberish import sudachi_words

    words = sudachi_words(nlp)
    return lambda text: words(tokenizable(text))


def _parser_of(model: Any):
    """GiNZA's neural analysis (`madoguchi.nlu.ginza.parse`), run only when the triage asks for it."""
    nlp = getattr(model, "model", None)
    if nlp is None or "parser" not in nlp.pipe_names:
        return None
    from madoguchi.nlu.ginza import parse

    return lambda doc: parse(nlp, doc)
