# geokg — the two commands: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
STORE  ?= ./geokg-data
STAMP  := $(VENV)/.geokg-installed

.PHONY: install demo test bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The step demo and test share: the project (editable) with its dev extras.
# Re-runs only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# graphology's GraphML/GEXF readers for tests/interop (skipped there when npm is absent).
INTEROP := tests/interop/node_modules/.package-lock.json
$(INTEROP): tests/interop/package.json tests/interop/package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/interop --no-audit --no-fund --silent; \
	else echo "npm not found: tests/interop will skip the graphology readers"; fi

install: $(STAMP) $(INTEROP)

demo: install
	$(BIN)/geokg ingest --store $(STORE) data/samples
	@echo ""
	@echo "  API docs:          http://$(HOST):$(PORT)/docs"
	@echo "  who opposes whom:  http://$(HOST):$(PORT)/relations?type=opposes"
	@echo ""
	$(BIN)/geokg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

# BENCH_SCALE=small: a few minutes; the default (full) ingests a million relations.
bench: install
	BENCH_SCALE=$${BENCH_SCALE:-full} $(BIN)/python -m benchmarks.run

eval: install
	$(BIN)/python -m benchmarks.eval_extraction

clean:
	rm -rf $(VENV) build dist *.egg-info geokg-data .pytest_cache
