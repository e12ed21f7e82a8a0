#!/usr/bin/env bash
# README command 2: set up, start a throwaway PostgreSQL for the store tests, run the tests
# (unit tests, the CLI end to end, and the quality gate on the gold corpora).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DYAD_TEST_PG:-}" ] && [ -f scripts/postgres.sh ]; then
  if pg_env=$(bash scripts/postgres.sh start 2>/tmp/dyad-postgres.log); then
    eval "$pg_env"
  else
    echo "dyad: PostgreSQL could not be started (see /tmp/dyad-postgres.log); its tests will be skipped" >&2
  fi
fi
set +e
.venv/bin/python -m pytest -q "$@"
status=$?
set -e
[ -f scripts/postgres.sh ] && [ -n "${DYAD_TEST_PG:-}" ] && bash scripts/postgres.sh stop >/dev/null 2>&1 || true
exit $status
