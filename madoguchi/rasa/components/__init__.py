"""The NLU components the pipeline in `config.yml` names, in the order it runs them; each
is a Rasa component over the shop's logic in `madoguchi.nlu`.

- `normalizer.WidthNormalizer`: the text every component after it reads (folded, old kanji
  read as those in use, digits masked, romaji read as kana, cut to what the NLU reads).
- `ginza.GinzaNLP`: GiNZA as the pipeline's spaCy model, tokenizing only, loaded once.
- `crf.ShopCRFEntityExtractor`: Rasa's CRF for names, addresses and dates, stored trained
  and loaded without training again.
- `char_classifier.CharNgramClassifier`: the intent, from character n-grams.
- `entities.ShopEntityExtractor`: order numbers, phones, postal codes and dates by rule,
  names and addresses made whole.
- `triage.HandoffTriage`: distress, goods problems and gibberish; may correct the intent.

Not in the shipped pipeline since 2026-12-03, kept for Rasa's peer tests and other
configurations: `request_clause.RequestClauseFeaturizer` (character n-grams of the clause
that asks) and `diet.LeanDIETClassifier` (Rasa's DIETClassifier, loaded without its training
step and predicting through its traced graph directly).

`untrained.UntrainedComponent` is what the normalizer, the entity extractor and the triage,
which learn nothing, share; `fingerprint.CodeFingerprinted` keys Rasa's training cache by the
code every component calls; `examples.entity_training_examples` picks what an entity learner
reads.
"""
