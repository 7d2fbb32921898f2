"""The NLU components of the pipeline `config.yml` names, in the order it runs them.

- `diet.LeanDIETClassifier`: Rasa's DIETClassifier, loaded without its training step and
  predicting through its traced graph directly.
"""
