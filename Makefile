# Houvast: `make run` starts it, `make test` checks it. Both set themselves up first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)
DEV_ENV := DEBUG=True

.PHONY: run test install system-deps browser-deps messages static lint format migrate clean bench

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: system-deps $(STAMP)

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
	$(VENV)/bin/pytest -q

bench: install messages
	$(DEV_ENV) $(PY) bench/run_all.py

clean:
	rm -rf $(VENV) var/test-*.sqlite3*
