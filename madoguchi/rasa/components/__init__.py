"""The NLU components the pipeline in `config.yml` names, in the order it runs them; each
is a Rasa component over the shop's logic in `madoguchi.nlu`.

- `normalizer.WidthNormalizer`: the text every component after it reads (folded, digits
  masked, romaji read as kana, cut to what the NLU reads).
- `ginza.GinzaNLP`: GiNZA as the pipeline's spaCy model, tokenizing only, loaded once.
- `request_clause.RequestClauseFeaturizer`: character n-grams of the clause that asks.
- `diet.LeanDIETClassifier`: Rasa's DIETClassifier, loaded without its training step and
  predicting through its traced graph directly.
- `entities.ShopEntityExtractor`: order numbers, phones, postal codes and dates by rule,
  names and addresses made whole.
- `triage.HandoffTriage`: distress, goods problems and gibberish; may correct the intent.

`untrained.UntrainedComponent` is what the normalizer, the entity extractor and the triage,
which learn nothing, share.
"""
