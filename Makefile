# MoreThanAJob: `make run` for a local portal with demo content, `make test` for the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
LANGS := it el ar
# pytest processes for the tests but the browser's (which then run on their own, one at a time):
# `make test TEST_WORKERS=0` runs everything in one process.
TEST_WORKERS ?= 2

.PHONY: run test lint format messages bench install install-dev serve

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  The portal:      http://$(HOST):$(PORT)/"
	@echo "  The admin:       http://$(HOST):$(PORT)/admin/   (user: admin, password: morethanajob-demo)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py compilemessages --ignore=.venv
	$(BIN)/python -m pytest -m "not browser" -n $(TEST_WORKERS) --dist loadscope
	$(BIN)/python -m pytest -m browser

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Times searches on a large directory (see demo/management/commands/bench_search.py), then the
# facilitators' dashboard panel and monitoring report on it (demo/.../bench_facilitation.py).
# It has a database of its own: bench.sqlite3, or DATABASE_URL=postgres://.../an_empty_db.
# The figures are also written to bench-results/ (search.json, facilitation.json).
# BENCH_ARGS / BENCH_FACILITATION_ARGS: e.g. "--sizes 2000:10000 --runs 10" / "--sizes 2000 --runs 3".
bench: export DATABASE_URL ?= sqlite:///$(CURDIR)/bench.sqlite3
bench: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py bench_search --json bench-results/search.json $(BENCH_ARGS)
	$(BIN)/python manage.py bench_facilitation --json bench-results/facilitation.json \
		$(BENCH_FACILITATION_ARGS)

messages: install
	$(BIN)/python manage.py makemessages $(foreach l,$(LANGS),-l $(l)) --ignore=.venv \
		--ignore=staticfiles --ignore=media --no-obsolete
