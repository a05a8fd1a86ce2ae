# The two commands of the README: `make demo` (build the archive from the local replica and serve it)
# and `make test`. Both create .venv and install the project into it on first use.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARGS ?=

$(BIN)/mip-archive: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/mip-archive

install: $(BIN)/mip-archive

demo: install
	$(BIN)/mip-archive demo $(ARGS)

live: install
	$(BIN)/mip-archive crawl --live $(ARGS)

test: install
	$(BIN)/python -m pytest $(ARGS)

bench: install
	$(BIN)/pip install --quiet -e '.[test,bench]'
	$(BIN)/python scripts/bench.py $(ARGS)

.PHONY: install demo live test bench
