# The one command surface: the README and .ci/run call these targets.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Links in review mails lead to the address `make run` serves (README, "Environment").
ADMIN_BASE_URL ?= $(or $(SITE_BASE_URL),http://127.0.0.1:$(PORT))
export DJANGO_SETTINGS_MODULE ?= website.settings.dev

# A Python >= 3.12: the one .python-version names (via pyenv), else the first found.
PYTHON ?= $(shell for p in "$$(pyenv root 2>/dev/null)/versions/$$(cat .python-version 2>/dev/null)/bin/python" \
	"$$HOME/.pyenv/versions/$$(cat .python-version 2>/dev/null)/bin/python" \
	python3.13 python3.12 python3; do \
	command -v "$$p" >/dev/null 2>&1 && "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v "$$p"; break; }; done)

.PHONY: help venv install install-dev migrate messages demo run serve collectstatic cache cache-vcl backup restore test lint format check bench screenshots clean

help:
	@echo "make run    set up everything and serve the demo site on http://127.0.0.1:$(PORT)"
	@echo "make serve  production: gunicorn and the task worker, static files compressed (README, Deployment)"
	@echo "make cache  Varnish in front of make serve, on port $(CACHE_PORT), purged when editors publish"
	@echo "make backup / make restore BACKUP=backups/<time>   the database and uploaded files"
	@echo "make test   run the whole test suite"
	@echo "make lint   ruff and the import layers; make check: Django checks and pending migrations; make bench: benchmarks"

$(PY):
	@if [ -z "$(PYTHON)" ]; then \
		echo "Python 3.12 or newer is required and none was found."; \
		echo "Install it (e.g. 'pyenv install 3.12' or your system's python3.12 package) and run make again."; \
		exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON)"
	@"$(PYTHON)" -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip

venv: $(PY)

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt package.json package-lock.json | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@# Redocly CLI lints the OpenAPI document in the tests (skipped without Node.js, except in CI).
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent; \
		else echo "npm not found: the OpenAPI lint test will be skipped (install Node.js to run it)"; fi
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

messages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0

migrate: install
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py setup_roles -v0

demo: migrate messages
	$(PY) manage.py load_demo

# The task worker (search indexing and its retries, PDF text) runs beside the
# server, and is stopped whenever the server stops (Ctrl+C, an error, a busy port).
run: demo
	@echo
	@echo "  Site:   http://127.0.0.1:$(PORT)/"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/"
	@$(PY) manage.py demo_logins
	@echo
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	ADMIN_BASE_URL="$(ADMIN_BASE_URL)" $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production (README "Deployment"): production settings for this target and the ones it
# runs first (migrations, catalogues, static files); gunicorn's bind and workers come from
# the environment (BIND, WEB_CONCURRENCY, WEB_THREADS). The task worker runs beside it and
# stops with it.
serve collectstatic: export DJANGO_SETTINGS_MODULE = website.settings.production

collectstatic: install
	$(PY) manage.py collectstatic --noinput -v0

serve: migrate messages collectstatic
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(VENV)/bin/gunicorn --config deploy/gunicorn.conf.py

# The shared HTTP cache in front of `make serve` (deploy/varnish/site.vcl, README "Deployment").
# The application servers purge it when VARNISH_URL names it (http://127.0.0.1:$(CACHE_PORT)).
CACHE_PORT ?= 6081
CACHE_BACKEND ?= $(or $(BIND),127.0.0.1:8000)
CACHE_SIZE ?= 256m
# Addresses (besides this machine) allowed to purge: the other application servers, space-separated.
CACHE_PURGERS ?=
CACHE_DIR ?= /tmp/pi-website-varnish

# The VCL with this machine's values filled in (the cache test renders it the same way).
cache-vcl:
	@mkdir -p $(CACHE_DIR)
	@sed -e 's/@BACKEND_HOST@/$(firstword $(subst :, ,$(CACHE_BACKEND)))/' \
		-e 's/@BACKEND_PORT@/$(lastword $(subst :, ,$(CACHE_BACKEND)))/' \
		-e 's/@PURGE_ACL@/$(foreach address,$(CACHE_PURGERS),"$(address)";)/' \
		deploy/varnish/site.vcl > $(CACHE_DIR)/site.vcl

cache: cache-vcl
	@command -v varnishd >/dev/null || { echo "varnishd is missing: apt-get install -y varnish"; exit 1; }
	varnishd -F -n $(CACHE_DIR) -a :$(CACHE_PORT) -f $(CACHE_DIR)/site.vcl -s malloc,$(CACHE_SIZE)

# Backups (website/backups.py): the database (pg_dump, or SQLite's online backup) and the
# uploaded files into $(BACKUP_DIR)/<UTC time>/; a restore needs a fresh, empty database.
BACKUP_DIR ?= backups

backup: install
	$(PY) manage.py backup $(BACKUP_DIR)

restore: install
	@if [ -z "$(BACKUP)" ]; then echo "Name the backup: make restore BACKUP=$(BACKUP_DIR)/<time>"; exit 1; fi
	$(PY) manage.py restore $(BACKUP)

test: install-dev messages
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install-dev
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) manage.py makemigrations --check --dry-run

bench: install-dev
	$(PY) -m benchmarks $(BENCH_ARGS)

# The README's screenshots, taken from the demo site that `make run` serves on $(PORT).
screenshots: install-dev
	$(PY) scripts/screenshots.py --base-url http://127.0.0.1:$(PORT) --out docs/screenshots
	$(PY) scripts/screenshots.py --base-url http://127.0.0.1:$(PORT) --out docs/screenshots --language ar

clean:
	rm -rf $(VENV) node_modules db.sqlite3 media private_media static_collected .pytest_cache .ruff_cache
