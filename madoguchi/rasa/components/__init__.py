"""The NLU components of the pipeline `config.yml` names, in the order it runs them.

- `ginza.GinzaNLP`: GiNZA as the pipeline's spaCy model, tokenizing only, loaded once.
- `request_clause.RequestClauseFeaturizer`: character n-grams of the clause that asks.
- `diet.LeanDIETClassifier`: Rasa's DIETClassifier, loaded without its training step and
  predicting through its traced graph directly.
"""
