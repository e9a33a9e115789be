# MoreThanAJob: `make run` for a local portal with demo content, `make test` for the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
LANGS := it el ar
# pytest processes for the tests but the browser's (which run beside them in a process of their
# own, one at a time): `make test TEST_WORKERS=0` runs the rest in one process.
TEST_WORKERS ?= 2

.PHONY: run test lint format messages bench loadtest install install-dev serve serve-prod restore

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

# The production stack on this machine: granian, the task worker and the scheduler (Procfile),
# with production settings, on PostgreSQL and Redis (both running already). Every variable of
# README "Deploy" can be given; the defaults below are for trying it locally over plain HTTP
# (so the admin's sign-in, whose cookies need HTTPS, wants a TLS proxy in front). Email goes to
# Postmark's test server token unless EMAIL_BACKEND and its key say otherwise.
# DEMO=1 loads the demo content first.
SERVE_PROD_ENV := .serve-prod.env
serve-prod: export DJANGO_SETTINGS_MODULE := portal.settings.production
serve-prod: export PATH := $(CURDIR)/$(BIN):$(PATH)
serve-prod: export HOST := $(HOST)
serve-prod: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/morethanajob
serve-prod: export REDIS_URL ?= redis://127.0.0.1:6379/1
serve-prod: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve-prod: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
serve-prod: export SECURE_SSL_REDIRECT ?= off
serve-prod: export SECURE_HSTS_SECONDS ?= 0
serve-prod: export EMAIL_BACKEND ?= anymail.backends.postmark.EmailBackend
serve-prod: export ANYMAIL_POSTMARK_SERVER_TOKEN ?= POSTMARK_API_TEST
serve-prod: export MEDIA_STORAGE ?= local
serve-prod: export MEDIA_ROOT ?= $(CURDIR)/media
serve-prod: install $(SERVE_PROD_ENV)
	honcho -e $(SERVE_PROD_ENV) run python manage.py migrate --noinput
	honcho -e $(SERVE_PROD_ENV) run python manage.py collectstatic --noinput -v0
	$(if $(DEMO),honcho -e $(SERVE_PROD_ENV) run python manage.py seed_demo)
	@echo ""
	@echo "  The portal:      http://$(HOST):$(PORT)/     (health: /healthz)"
	@echo ""
	honcho -e $(SERVE_PROD_ENV) start -p $(PORT)

# The secrets `make serve-prod` generates once for this machine (not for a real deployment).
$(SERVE_PROD_ENV): | $(BIN)/python
	$(BIN)/python -c "import secrets; \
	print('SECRET_KEY=' + secrets.token_urlsafe(50)); \
	print('ANYMAIL_WEBHOOK_SECRET=local:' + secrets.token_urlsafe(24))" > $@

# Restores a backup (README "Deploy") into the empty database of DATABASE_URL:
# `make restore DUMP=backup.dump MEDIA=media.tar.gz` (production settings: the same variables).
restore: install
	$(BIN)/python manage.py restore_backup $(DUMP) $(if $(MEDIA),--media $(MEDIA))

test: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python manage.py compilemessages --ignore=.venv
	@# The browser tests, one at a time against one demo server, mostly wait for the server and
	@# Chromium: they run beside the rest, and their report is printed once both are done.
	@log=$$(mktemp); \
	$(BIN)/python -m pytest -m browser > $$log 2>&1 & browser=$$!; \
	trap 'kill $$browser 2>/dev/null' INT TERM; \
	$(BIN)/python -m pytest -m "not browser" -n $(TEST_WORKERS) --dist loadscope; rest=$$?; \
	wait $$browser; browsers=$$?; \
	echo "--- browser tests ---"; cat $$log; rm -f $$log; \
	test $$rest -eq 0 && test $$browsers -eq 0

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Times searches on a large directory (see demo/management/commands/bench_search.py), then the
# facilitators' dashboard panel and monitoring report on it (demo/.../bench_facilitation.py),
# then sending one newsletter issue to 50,000 subscribers (demo/.../bench_newsletter.py).
# It has a database of its own: bench.sqlite3, or DATABASE_URL=postgres://.../an_empty_db.
# The figures are also written to bench-results/ (search.json, facilitation.json, newsletter.json).
# BENCH_ARGS / BENCH_FACILITATION_ARGS / BENCH_NEWSLETTER_ARGS: e.g. "--sizes 2000:10000 --runs 10" /
# "--sizes 2000 --runs 3" / "--subscribers 5000".
bench: export DATABASE_URL ?= sqlite:///$(CURDIR)/bench.sqlite3
bench: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py bench_search --json bench-results/search.json $(BENCH_ARGS)
	$(BIN)/python manage.py bench_facilitation --json bench-results/facilitation.json \
		$(BENCH_FACILITATION_ARGS)
	$(BIN)/python manage.py bench_newsletter --json bench-results/newsletter.json \
		$(BENCH_NEWSLETTER_ARGS)

# The production stack (granian, production settings, PostgreSQL, Redis) on this machine under
# wrk, on the loopback only: a mix of pages, searches and messages, then a page kept in the page
# cache against nginx serving the same bytes from a file (demo/loadtest/run.py says what and how).
# Its own database (LOADTEST_DATABASE_URL, dropped and made afresh; morethanajob_loadtest),
# Redis database 14 (LOADTEST_REDIS_URL), ports LOADTEST_PORT and LOADTEST_NGINX_PORT (8090,
# 8091); LOADTEST_SECONDS (60), LOADTEST_CONNECTIONS (50). Writes bench-results/loadtest.json.
# Not part of `make test` or CI: it takes a few minutes and a quiet machine.
loadtest: install
	@command -v wrk >/dev/null && command -v nginx >/dev/null || apt-get install -y wrk nginx
	$(BIN)/python demo/loadtest/run.py

messages: install
	$(BIN)/python manage.py makemessages $(foreach l,$(LANGS),-l $(l)) --ignore=.venv \
		--ignore=staticfiles --ignore=media --no-obsolete
