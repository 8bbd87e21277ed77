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

install: $(STAMP)

demo: install
	$(BIN)/geokg ingest --store $(STORE) data/samples
	@echo ""
	@echo "  API docs:          http://$(HOST):$(PORT)/docs"
	@echo "  who opposes whom:  http://$(HOST):$(PORT)/relations?type=opposes"
	@echo ""
	$(BIN)/geokg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python -m benchmarks.eval_extraction

clean:
	rm -rf $(VENV) build dist *.egg-info geokg-data .pytest_cache
