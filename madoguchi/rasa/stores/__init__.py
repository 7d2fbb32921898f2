"""Where the Rasa server keeps conversations: the stores `endpoints.yml` names.

- `tracker_store.UrlTrackerStore`: Rasa's SQL tracker store on the shop's database URL,
  keeping trackers in memory between messages; it installs the action client patch.
- `tracker.KeptStateTracker`: the tracker it returns, keeping its applied events and
  dialogue states between messages.
- `lock_store.EnvLockStore`: Rasa's conversation locks, in memory, in the shop database or
  in Redis, chosen once at start.

The shop's own tables and queries stay in `madoguchi.store`.
"""
