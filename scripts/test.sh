#!/usr/bin/env bash
# The whole test suite: lint and types, then pytest on SQLite and on PostgreSQL (started here).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/.venv/bin:$PATH"
echo "== ruff"; ruff check .
echo "== mypy"; mypy kehoach config
echo "== migrations up to date"; DJANGO_SETTINGS_MODULE=config.settings.test python manage.py makemigrations --check --dry-run >/dev/null
source .ci/pg.sh
trap pg_stop EXIT
pg_start
echo "== pytest on SQLite"
env -u DATABASE_URL pytest -q -p no:cacheprovider "$@"
echo "== pytest on PostgreSQL"
DATABASE_URL="$PG_DATABASE_URL" pytest -q -p no:cacheprovider "$@"
