# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | cksum | cut -d' ' -f1)
DB     ?= data/warehouse.duckdb

.PHONY: install run test lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/pipeline run data/samples --db $(DB)

test: install
	$(BIN)/ruff check .
	$(BIN)/pytest

eval: install
	$(BIN)/pipeline eval --gold tests/gold --run data/samples --db data/eval.duckdb

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache .ruff_cache

bench: install
	$(BIN)/python -m benchmarks.bench --n 3000 --workers 1 2 --naive 40
