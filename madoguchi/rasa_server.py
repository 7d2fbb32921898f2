"""`python -m madoguchi.rasa_server ...`: Rasa's command line, as `madoguchi run` starts it.

Everything madoguchi changes in Rasa is named in its configuration (madoguchi/rasa/): the
NLU components (the CRF entity extractor `ShopCRFEntityExtractor` and the intent classifier
`CharNgramClassifier` among them) and the policies in config.yml, the tracker store in
endpoints.yml, and the tracker store installs the action client patch. A plain `rasa run`
or `rasa test` with the project's files behaves the same. This launcher adds, before Rasa
starts:

- the action client patch (`madoguchi.rasa.action_client`), installed first, so that a
  Rasa version it was not written for is refused before anything else loads;
- JAX hidden from imports (`madoguchi.memory`): memory only, and it must precede
  TensorFlow's import, which Rasa's command line does before it loads any plug-in.
"""

from __future__ import annotations

import sys


def as_served() -> None:
    """What this launcher adds to Rasa: for an agent loaded in this process too."""
    from madoguchi import memory
    from madoguchi.rasa import action_client

    memory.hide_unused_modules()
    action_client.install()


def main() -> None:
    as_served()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
