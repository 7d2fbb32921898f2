"""`make bench`: measured understanding, handoff, speed and footprint, with baselines.

One run writes docs/benchmarks.md and its plots (docs/bench-*.png). Every figure in the
report is computed by this package; none is typed by hand.

- `understanding`: held-out NLU scores of the shipped model and two baselines (plain
  Rasa, a keyword table), and cross-validation on the training data (`folds`, a worker);
- `handoff`: the held-out conversation set, with and without the triage component;
- `training`: baseline models trained into temporary folders (never into models/);
- `stack`: the three services started on free ports, or a stack already running;
- `speed`: the speed runs in order, bounded; `load`: the asyncio load generator (REST
  and socket.io); `floor`: GiNZA alone and /model/parse alone;
- `footprint`: resident memory and CPU of the services, model size on disk;
- `report`: the Markdown report and the plots.
"""
