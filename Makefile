# CloudCat: `make dev` sets everything up and runs the server with a demo shop;
# `make test` runs every check (lint, format, types, tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: dev test lint typecheck pytest schema clean

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

dev: $(STAMP)
	$(BIN)/cloudcat dev

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy cannot follow setuptools' editable-install import hook, so it reads the three folders
# through a link tree that spells the real package names.
typecheck: $(STAMP)
	rm -rf build/typecheck && mkdir -p build/typecheck/cloudcat
	ln -s ../../../core build/typecheck/cloudcat/core
	ln -s ../../../plugins build/typecheck/cloudcat/plugins
	ln -s ../../../schema build/typecheck/cloudcat/schema
	cd build/typecheck && ../../$(BIN)/mypy --config-file ../../pyproject.toml \
		-p cloudcat.core -p cloudcat.schema -p cloudcat.plugins

pytest: $(STAMP)
	$(BIN)/pytest

schema: $(STAMP)
	$(BIN)/cloudcat schema export

clean:
	rm -rf $(VENV) build .cloudcat-data
