# madoguchi: the single entry point. `make run` to use it, `make test` to check it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV   := .venv
PY     := $(VENV)/bin/python
RASA   := $(VENV)/bin/rasa
CLI    := $(VENV)/bin/madoguchi
STAMP  := $(VENV)/.installed
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# Rasa's telemetry and error reports would try to reach the internet: off.
export RASA_TELEMETRY_ENABLED := false

.PHONY: help setup run train test validate pytest stories eval bench check-rasa lock system-deps clean

help:
	@echo "make run     set up, train if needed, start everything and print where to go"
	@echo "make test    set up, validate the data, run pytest and rasa test"
	@echo "make eval    held-out NLU and handoff evaluation, written to docs/"
	@echo "make bench   speed and footprint benchmarks, written to docs/benchmarks.md"
	@echo "make check-rasa  Rasa 3.6's own tests with Rasa's classes and with madoguchi's (RASA_SOURCE=<a git clone of Rasa>)"

# The virtual environment, rebuilt when the lock or the package metadata change.
$(STAMP): requirements.lock pyproject.toml scripts/find-python310
	@py="$$(scripts/find-python310)" || exit 1; \
	if [ -x $(PY) ] && ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; then \
		echo "$(VENV) is not Python 3.10: recreating it"; rm -rf $(VENV); fi; \
	if [ ! -x $(PY) ]; then echo "creating $(VENV) with $$py"; "$$py" -m venv $(VENV) || exit 1; fi
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

setup: $(STAMP)
	@$(CLI) setup

train: setup
	@$(CLI) train $(TRAIN_OPTIONS)

run: setup
	@$(CLI) run

validate: setup
	@$(PY) -m madoguchi.validate

# The tests on two processes (pytest-xdist): the CI machine has 2 cores; PYTEST_WORKERS=1 for one.
PYTEST_WORKERS ?= 2
pytest: setup system-deps train
	@$(PY) -m pytest -q -n $(PYTEST_WORKERS)

stories: train
	@$(RASA) test core --model "$$($(PY) -c 'from madoguchi.model import model_path; print(model_path())')" \
		--stories tests/test_stories.yml --fail-on-prediction-errors --out results/stories

test: validate pytest stories
# `rasa train` validates the data as `rasa data validate` does; `make test` has just done
# that (more strictly, in `validate`, before training), so its training skips it.
test: TRAIN_OPTIONS := --validated

eval: train
	@$(PY) -m madoguchi.evaluation

bench: train
	@$(PY) -m madoguchi.bench $(if $(QUICK),--quick,)

# Rasa's own tests of what madoguchi subclasses, run with Rasa's classes and with madoguchi's;
# fails on a test that passes only with Rasa's (madoguchi/rasa/peer_check.py, docs/deployment.md).
# Not part of `make test`: about 23 minutes on 2 cores. RASA_SOURCE: a git clone of Rasa, needed the first
# time; PEER_K: a pytest -k selection.
export RASA_SOURCE PEER_K
check-rasa: $(STAMP)
	@$(PY) -m madoguchi.rasa.peer_check

# Debian packages the end-to-end tests use: Chromium for the browser tests, Redis and
# PostgreSQL for the several-instances tests. Installed when missing and we are root.
system-deps:
	@scripts/system-deps

# Re-resolve requirements.in into requirements.lock (needs the package registries).
lock:
	@py="$$(scripts/find-python310)" || exit 1; rm -rf .lockvenv && "$$py" -m venv .lockvenv && \
	.lockvenv/bin/pip install --quiet -r requirements.in && \
	.lockvenv/bin/pip install --quiet --no-deps line-bot-sdk==3.1.0 && \
	{ sed -n '1,/^[a-zA-Z]/p' requirements.lock | sed '$$d'; .lockvenv/bin/pip freeze --all | grep -v -e '^-e' -e '^pip=='; } > requirements.lock.new && \
	mv requirements.lock.new requirements.lock && rm -rf .lockvenv && echo "requirements.lock updated"

clean:
	rm -rf $(VENV) models results var .rasa
