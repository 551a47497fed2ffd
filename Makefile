# tuopin — `make run` sets up .venv from the lock file and loads seeds/articles; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean-warehouse

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/tuopin run seeds/articles --db warehouse/tuopin.duckdb

test: $(STAMP)
	$(BIN)/python -m pytest -q

BENCH_DOCS ?= 10000

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --docs $(BENCH_DOCS)
	$(BIN)/python scripts/bench_clean.py
	$(BIN)/python scripts/bench_flow.py --docs $(BENCH_DOCS)

clean-warehouse:
	rm -f warehouse/tuopin.duckdb warehouse/tuopin.duckdb.wal
