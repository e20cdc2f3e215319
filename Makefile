# Houvast: `make run` starts it, `make test` checks it. Both set themselves up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
LOCK := requirements-dev.lock
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | md5sum | cut -c1-12)
DEV_ENV := DEBUG=True
# pytest-xdist workers for `make test` (one per CPU); each has its own test database, cache keys and
# live server. TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto

.PHONY: run test install lock system-deps browser-deps messages static lint format migrate clean bench

# Every package from the lock file, each checked against its hash; then Houvast itself without dependencies.
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) bin/check-lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: system-deps $(STAMP)

# After changing a dependency in pyproject.toml: write both lock files again (needs PyPI; a few minutes).
PIP_COMPILE := $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
lock:
	@test -x $(VENV)/bin/pip-compile || $(PY) -m pip install --quiet pip-tools
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra dev --output-file requirements-dev.lock pyproject.toml

# Pango (WeasyPrint PDFs) and gettext (translations) from Debian when missing and we may install.
system-deps:
	@PYTHON=$(PYTHON) bash bin/system-deps base

browser-deps:
	@bash bin/system-deps browser

locale/en/LC_MESSAGES/django.mo: $(shell find locale houvast -name django.po) | $(STAMP)
	@$(DEV_ENV) $(PY) manage.py compilemessages --ignore=.venv -v 0
	@touch $@

messages: locale/en/LC_MESSAGES/django.mo

# Production's static files (hashed names, gzip and Brotli copies) in var/static. DEBUG=True serves from the
# finders and does not need them; collecting here catches a broken url() in a stylesheet before a deploy does.
var/static/staticfiles.json: $(shell find static houvast -path '*/static/*' -type f) | $(STAMP)
	@DEBUG=False SECRET_KEY=collectstatic-only $(PY) manage.py collectstatic --no-input -v 0

static: var/static/staticfiles.json

migrate: install messages
	@$(DEV_ENV) $(PY) manage.py migrate --no-input -v 0
	@$(DEV_ENV) $(PY) manage.py check_content

run: migrate static
	@$(DEV_ENV) $(PY) manage.py serve

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: install browser-deps messages
	$(VENV)/bin/ruff check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(PY) manage.py check_content
	$(DEV_ENV) $(PY) manage.py check_translations
	$(VENV)/bin/pytest -q -n $(TEST_WORKERS) --dist loadfile houvast
	$(VENV)/bin/pytest -q -n $(TEST_WORKERS) --dist loadfile tests

bench: install messages static
	$(DEV_ENV) $(PY) bench/run_all.py

clean:
	rm -rf $(VENV) var/test-*.sqlite3*
