"""The dialogue policies `config.yml` names.

- `caching.CachingRulePolicy`, `caching.CachingMemoizationPolicy`: Rasa's RulePolicy and
  MemoizationPolicy, with what they compute for every turn of a conversation kept between
  predictions.
- `shop.EscalationPolicy`, `shop.PatiencePolicy`: the shop's own, which learn nothing and
  are sure of one action in the situations they read (`madoguchi.dialogue.escalation`,
  `madoguchi.dialogue.patience`).
"""
