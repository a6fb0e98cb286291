# CloudCat: `make dev` sets everything up and runs the server with a demo shop;
# `make test` runs every check (lint, format, types, tests).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

UI := admin-ui
UI_DEPS := $(UI)/node_modules/.package-lock.json
UI_SOURCES := $(shell find $(UI)/src $(UI)/public $(UI)/index.html $(UI)/vite.config.ts \
	$(UI)/codegen.ts $(UI)/tsconfig.json -type f 2>/dev/null) schema/sdl/admin.graphql

.PHONY: dev test lint typecheck pytest schema clean admin-ui ui-test e2e

$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

$(UI_DEPS): $(UI)/package-lock.json
	cd $(UI) && npm ci --no-audit --no-fund
	touch $@

# The admin SPA is built when its sources changed; the server serves admin-ui/dist at /admin.
$(UI)/dist/index.html: $(UI_DEPS) $(UI_SOURCES)
	cd $(UI) && npm run build

admin-ui: $(UI)/dist/index.html

dev: $(STAMP) admin-ui
	$(BIN)/cloudcat dev

# The browser tests run last (a sub-make keeps them last under -j too).
test: $(STAMP) lint typecheck pytest ui-test
	$(MAKE) e2e

ui-test: $(UI_DEPS)
	cd $(UI) && npm test

# End-to-end: a live `cloudcat serve` (and worker) on the embedded database, serving the built
# admin UI, driven in Debian's headless Chromium (/usr/bin/chromium) by playwright-core.
# Screenshots go to test-artifacts/screenshots/.
e2e: $(STAMP) admin-ui
	cd $(UI) && CLOUDCAT_BIN=$(abspath $(BIN))/cloudcat npm run e2e

# lint-imports checks the architecture's boundaries ([tool.importlinter] in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

# mypy cannot follow setuptools' editable-install import hook, so it reads the three folders
# through a link tree that spells the real package names. The tests are type-checked like
# the code.
typecheck: $(STAMP)
	rm -rf build/typecheck && mkdir -p build/typecheck/cloudcat
	ln -s ../../../core build/typecheck/cloudcat/core
	ln -s ../../../plugins build/typecheck/cloudcat/plugins
	ln -s ../../../schema build/typecheck/cloudcat/schema
	ln -s ../../tests build/typecheck/tests
	cd build/typecheck && ../../$(BIN)/mypy --config-file ../../pyproject.toml \
		-p cloudcat.core -p cloudcat.schema -p cloudcat.plugins -p tests

# The wheel test (tests/test_wheel.py) needs the built admin UI.
pytest: $(STAMP) admin-ui
	$(BIN)/pytest

schema: $(STAMP)
	$(BIN)/cloudcat schema export

clean:
	rm -rf $(VENV) build .cloudcat-data $(UI)/node_modules $(UI)/dist
