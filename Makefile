# DoctorsFlow — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UI := builder_ui
QUICK ?=
PYTEST_ARGS ?=

.PHONY: run test test-other test-browser fuzz bench bench-peer bench-scaleout bench-webhooks soak lint ui api-client migrate scorer scorer-lofo scorer-veto-lofo clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

$(UI)/node_modules/.package-lock.json: $(UI)/package.json $(UI)/package-lock.json
	cd $(UI) && npm ci --no-audit --no-fund

# The editor's API types (builder_ui/src/api/generated/) from the server's OpenAPI; committed, and
# tests/api/test_generated_client.py fails when they are stale.
api-client: $(VENV)/.installed $(UI)/node_modules/.package-lock.json
	$(PY) $(UI)/scripts/generate_api.py

$(UI)/dist/index.html: $(UI)/node_modules/.package-lock.json $(shell find $(UI)/src $(UI)/index.html -type f 2>/dev/null)
	cd $(UI) && npm run build

ui:
	@if [ -f $(UI)/package.json ]; then $(MAKE) --no-print-directory api-client $(UI)/dist/index.html; fi

migrate: $(VENV)/.installed
	$(VENV)/bin/doctorsflow migrate

run: $(VENV)/.installed ui migrate
	$(VENV)/bin/doctorsflow serve --with-worker --load-examples

# Browser tests run in a pytest of their own: Playwright's sync API keeps an event loop running in its worker,
# which async tests sharing that worker would trip over. One half after the other: run at the same time (make -j2,
# session 23) the CPU-bound half took as long as both in a row on 2 cores (CI: 16:01 vs 8:45 + 7:00) and the
# browser half ran under a load of 12. test-other and test-browser are the halves alone (after `make ui`).
test: $(VENV)/.installed ui
	$(MAKE) --no-print-directory test-other
	$(MAKE) --no-print-directory test-browser

# --dist loadgroup: tests marked with one xdist_group run on one worker (the corpus audit of suggested rewrites and
# the rewrites applied in turn share its cache of linted lines); every other test is handed out alone, in
# collection order (the long ones first, tests/conftest.py).
test-other:
	$(PY) -m pytest -n 2 --dist loadgroup --no-loadscope-reorder -m "not browser" $(PYTEST_ARGS)

# tests/browser only (its workers do not import the other tests; tests/conftest.py refuses a browser test elsewhere);
# --dist loadfile: a module's own server (its tests share it) starts on one worker, not on both;
# --no-loadscope-reorder: the modules in collection order, the long ones first (tests/conftest.py).
test-browser:
	$(PY) -m pytest -n 2 --dist loadfile --no-loadscope-reorder -m browser tests/browser $(PYTEST_ARGS)

# The long versions of the property tests (CSV/xlsx readers, event/workflow/patient validators, JSON depth:
# 20,000 examples each) and schemathesis with 200 examples per operation. Not part of `make test`.
fuzz: $(VENV)/.installed
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -n 2 tests/hardening/test_fuzz.py $(PYTEST_ARGS)
	DOCTORSFLOW_SCHEMATHESIS_EXAMPLES=200 $(PY) -m pytest tests/accounts/test_schemathesis.py $(PYTEST_ARGS)

bench: $(VENV)/.installed ui
	$(PY) -m bench.run $(if $(QUICK),--quick,)

# Exactly once under faults: serve + 2 workers on a real Redis, a counting fake SOLAPI, SIGKILLs, FLUSHALL,
# provider 500s (docs/soak.md). QUICK=1: 30 patients, about two minutes. DATABASE_URL: on PostgreSQL.
soak: $(VENV)/.installed
	$(PY) -m bench.soak $(if $(QUICK),--quick,)

# DoctorsFlow vs n8n on the same 5-node flow (docs/bench-peer.md); installs n8n once into ~/.cache/doctorsflow/n8n.
# Not part of `make test`.
bench-peer: $(VENV)/.installed
	$(PY) -m bench.peer.run $(if $(QUICK),--quick,)

# runtime.steps_per_s with 1, 2, 3 worker processes on real Redis: SQLite, and PostgreSQL when DATABASE_URL or
# DOCTORSFLOW_TEST_POSTGRES names a server (a fresh database per measurement). docs/scale-out.md.
# 50 signed webhooks at once for 60 s against serve + worker + Redis: 0 errors, each event stored once.
bench-webhooks: $(VENV)/.installed
	$(PY) -m bench.webhook_load $(if $(QUICK),--quick,)

bench-scaleout: $(VENV)/.installed
	$(PY) -m bench.scaleout $(if $(QUICK),--quick,) $(if $(ONLY),--only=$(ONLY),)

# Retrain the compliance checker's per-rule scorer (compliance/rules/scorer.json) after adding or relabelling corpus
# lines: dev, independent_dev(2), every compliance/corpus/probes*.jsonl and writer_*.jsonl not held back (never a
# held-out or *unseen* file). About 5 min of CPU (314 s in session 19); prints each rule's threshold and held-back
# recall. Then `make bench` for the figures. `make scorer-lofo`: leave-one-file-out (each file scored by a scorer
# trained without it, one training per file; FILES=...), also with the scorer's additions to mostly-English messages
# left out. `make scorer-veto-lofo`: the veto measured leave-one-file-out on each writer file's blind findings (the
# checker of the commit before it landed, from git; FILES=...); it trains the veto itself (not in scorer.json).
# It also trains MSA-DEFAME's model scoped to sentences that speak of another party (compliance/defame_scope_train.py,
# rules/model_s28_defame.json; `python -m compliance.defame_scope_train --lowo OUT` writes its leave-one-writer-out models).
scorer: $(VENV)/.installed
	$(PY) -m compliance.scorer_train

scorer-lofo: $(VENV)/.installed
	$(PY) -m compliance.scorer_lofo $(if $(FILES),--files $(FILES),)

scorer-veto-lofo: $(VENV)/.installed
	$(PY) -m compliance.scorer_veto_lofo $(if $(FILES),--files $(FILES),)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

clean:
	rm -rf $(VENV) $(UI)/node_modules $(UI)/dist var
