# backchannel — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint typecheck pytest bench fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/install_model.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The CPU build of torch first, so the embedding model's dependencies do not pull a GPU build.
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev,embeddings,dask]'
	bash scripts/install_model.sh $(BIN)/python
	touch $(STAMP)

demo: setup
	rm -f demo.duckdb
	$(BIN)/backchannel run examples/corpus --db demo.duckdb
	$(BIN)/backchannel channels --db demo.duckdb --as-of 2025-11-20
	$(BIN)/backchannel report --db demo.duckdb --as-of 2025-11-20 --html report.html
	@echo
	@echo "Open the dashboard on the demo data: $(BIN)/backchannel serve --db demo.duckdb  (then http://127.0.0.1:8765/)"


lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: setup
	$(BIN)/mypy

pytest: setup
	# Debian's chromium for the dashboard's browser tests (they skip, saying why, without it).
	bash scripts/install_browser.sh || echo "chromium could not be installed: browser tests will skip"
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: setup
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/analysis.py
	$(BIN)/python benchmarks/dashboard.py

fuzz: setup
	$(BIN)/python -m pip install --quiet atheris
	$(BIN)/python fuzz/run.py --seconds 60

clean:
	rm -rf $(VENV) build *.egg-info demo.duckdb report.html
