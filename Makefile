.PHONY: run test setup lint
PORT ?= 8000

# Set up, load the seed plan with demo data into SQLite, and serve on http://127.0.0.1:$(PORT)
run:
	scripts/setup.sh
	.venv/bin/kehoach init --demo
	.venv/bin/kehoach serve --port $(PORT)

# The whole test suite on SQLite and PostgreSQL (installs Debian packages, starts PostgreSQL)
test:
	scripts/test.sh

setup:
	scripts/setup.sh

lint:
	.venv/bin/ruff check . && .venv/bin/mypy kehoach config
