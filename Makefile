# jeiweb: `make help` lists the targets.
# Python 3.11 is the only thing assumed on the machine; everything else lands in .venv/.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# The tests run in parallel, one worker per core (tests/conftest.py: how they are shared out).
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist load

.DEFAULT_GOAL := help
.PHONY: help install install-dev setup run test coverage observatory lint messages clean backup restore

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

UV_VERSION := 0.13.10
# The requirements are installed by uv (pip's work in a few seconds instead of a minute, from
# the same index and the same pinned versions); uv itself comes from pip, into the venv.
UV := $(BIN)/uv pip install --quiet --python $(BIN)/python

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(UV) -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(UV) -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the runtime requirements

install-dev: $(VENV)/.installed-dev ## Also install the test and tooling requirements

setup: install ## Migrate the database, collect static files and load the site content
	mkdir -p var
	$(MANAGE) migrate --no-input
	$(MANAGE) collectstatic --no-input --verbosity 0
	$(MANAGE) load_site_content

run: setup ## Set everything up and serve the site on http://127.0.0.1:$(PORT)/
	$(MANAGE) create_dev_superuser
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-dev ## Set up and run the whole test suite (DATABASE_URL picks the database)
	$(PYTEST) $(PYTEST_ARGS)

coverage: install-dev ## Run the tests and report the coverage of the app code (jeiweb, pages, news, search)
	$(PYTEST) --cov --cov-report=term-missing:skip-covered $(PYTEST_ARGS)

OBSERVATORY := tests/observatory/node_modules/@mdn/mdn-http-observatory

# Its install scripts fetch Chromium's HSTS preload list (and a CA bundle) from outside the
# registries: an empty list stands in (no loopback address is preloaded).
$(OBSERVATORY)/conf/hsts-preload.json: tests/observatory/package-lock.json
	cd tests/observatory && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	echo '{}' > $@

observatory: $(OBSERVATORY)/conf/hsts-preload.json ## Install Mozilla's HTTP Observatory scanner for the header tests (needs Node.js 20 and npm)

lint: install-dev ## Check style and the migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) makemigrations --check --dry-run

messages: install ## Update the translation catalogues and compile them (needs gettext)
	$(MANAGE) makemessages --locale zh_Hans --no-location --ignore '$(VENV)/*'
	$(MANAGE) compilemessages --locale zh_Hans --ignore '$(VENV)/*'

backup: ## Write a complete backup (database and media) into one file: make backup BACKUP=site.tar.gz
	@test -n "$(BACKUP)" || { echo "usage: make backup BACKUP=site.tar.gz"; exit 2; }
	$(MANAGE) backup_site "$(BACKUP)"

restore: ## Restore such a file into an empty database: make restore BACKUP=site.tar.gz
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=site.tar.gz"; exit 2; }
	$(MANAGE) restore_site "$(BACKUP)"

clean: ## Remove the virtual environment, the local database and collected files
	rm -rf $(VENV) var staticfiles
