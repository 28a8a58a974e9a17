# The two commands in the README: `make run` and `make test`. Everything else is a step they use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install assets migrate seed lint typecheck check-migrations test-python clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	mkdir -p var && test -f var/dev.env || printf '# Development settings for manage.py in this checkout (never deployed)\nDEBUG=1\n' > var/dev.env
	touch $(STAMP)

install: $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

assets: node_modules/.package-lock.json
	npm run --silent build

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py setup_periodic_tasks

seed: migrate
	DEBUG=1 $(BIN)/python manage.py seed_demo

run: install assets seed
	@echo ""
	@echo "  Manage modern slavery cases is starting at http://127.0.0.1:$${WEB_PORT:-8000}/"
	@echo "  Sign in with a demo user above: the password, then one of that user's backup codes."
	@echo "  Emails (triage notifications) are printed by the worker below. Stop with Ctrl+C."
	@echo ""
	DEBUG=1 $(BIN)/honcho start

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	DEBUG=1 $(BIN)/mypy accounts cases config survivors referrals partners reporting

check-migrations: install
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

test-python: install assets
	$(BIN)/pytest -n $${PYTEST_WORKERS:-2} --dist loadgroup

test: lint typecheck check-migrations test-python

clean:
	rm -rf $(VENV) node_modules var static/css static/js static/assets
