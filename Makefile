# The few verbs a newcomer needs. `make run` serves the portal with the showcase record,
# `make test` runs the whole suite (SQLite; set DATABASE_URL for PostgreSQL).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint format messages vendor setup

setup: $(VENV)/.installed node_modules/.installed system-packages

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# gettext compiles the interface catalogues; Debian's chromium runs the browser tests.
system-packages:
	@bash scripts/system-packages

messages: setup
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

run: export DJANGO_DEBUG = 1
run: messages
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py load_showcase
	$(PY) manage.py dev_staff --base-url http://127.0.0.1:$(PORT)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: messages
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

format: setup
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Refresh the vendored copy of jQuery UI (modeltranslation's admin tabs) from npm.
vendor: node_modules/.installed
	mkdir -p static/vendor/jquery-ui
	cp node_modules/jquery-ui/dist/jquery-ui.min.js static/vendor/jquery-ui/
