#!/usr/bin/env bash
# Install what kehoach needs on a fresh Debian machine (idempotent).
#   scripts/setup.sh          Python venv and dependencies (enough to run kehoach)
#   scripts/setup.sh --test   plus Debian packages for the tests (PostgreSQL, Chromium, fonts)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ "${1:-}" = "--test" ]; then
  export DEBIAN_FRONTEND=noninteractive
  need=()
  for p in postgresql chromium fonts-dejavu fonts-liberation2 poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements.txt 2>&1 | grep -v '^WARNING: Location' || true
.venv/bin/pip install -q --disable-pip-version-check --no-deps -e . 2>&1 | grep -v '^WARNING: Location' || true
