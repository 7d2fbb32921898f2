"""madoguchi's Rasa plug-ins: the classes `config.yml` and `endpoints.yml` name, each a thin
Rasa-facing class over the shop's logic (`madoguchi.nlu`, `madoguchi.dialogue`,
`madoguchi.handoff`, `madoguchi.store`), which stays where it is. The channels
`credentials.yml` names are in `madoguchi.channels`.

- `components`: the NLU pipeline's own components (`components/__init__.py`).
- `policies`: Rasa's rule and memoization policies, with what they compute for every turn
  of a conversation kept between predictions, and the shop's own (`policies/__init__.py`).
- `stores`: the tracker store, the tracker it returns and the lock store (`stores/__init__.py`).
- `broker.TranscriptBroker`: the event broker, writing each user and bot line to the desk's
  transcripts as Rasa saves a tracker.
- `action_client`: the one patch of Rasa 3.6.21 left, for what has no extension point
  (the action client's response validator, HTTP session and call format, and its
  behaviour when the action server is down); it refuses any other Rasa version.
- `peer_check`, `peer_swap`: not plug-ins, `make check-rasa`: Rasa 3.6's own tests of
  Rasa's classes that madoguchi subclasses, run with Rasa's classes and with these
  (docs/deployment.md).

Where a class is Rasa's subclassed (DIET, the rule and memoization policies, the tracker
and its SQL store, the Redis lock store), each fix is measured by `make bench`
(docs/benchmarks.md) and compared with Rasa's own answers by tests/madoguchi/rasa/.

Rasa's recipe registers components by class name, so the classes have names of their own
(a subclass named `RulePolicy` would replace Rasa's for every configuration). Rasa checks
some components by exact class, and so warns at training that there is no trainable entity
extractor and no `RulePolicy`: both are here, subclassed. The one check behind the second
warning that matters, the fallback action in the domain, the RulePolicy makes itself when
it trains.
"""
