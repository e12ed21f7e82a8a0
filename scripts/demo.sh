#!/usr/bin/env bash
# README command 1: set up, then run the main job on the sample corpus in examples/:
# extract its records, build the knowledge base (SQLite, ./dyad.db) and show the
# Kazakhstan–Vietnam timeline, its trade series and the conflicts between sources.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
DB=${DYAD_DB:-dyad.db}
echo "== Records of the sample corpus (examples/articles)"
dyad extract examples/articles --format table --no-progress
echo
echo "== Building the knowledge base in $DB"
inputs=(examples/articles examples/kazvnm/articles)
[ -d ../shared/seeds ] && inputs+=(../shared/seeds)   # the user's two samples, when beside the project
dyad ingest "${inputs[@]}" --db "$DB"
echo
dyad dyads --db "$DB" | head -n 25
echo
echo "== Timeline: Kazakhstan – Vietnam"
dyad timeline KAZ VNM --db "$DB"
echo
echo "== Trade series: Kazakhstan – Vietnam (chart in out/trade_kaz_vnm.png)"
mkdir -p out
dyad series KAZ VNM trade --db "$DB" --plot out/trade_kaz_vnm.png
echo
echo "== Where sources disagree"
dyad conflicts KAZ VNM --db "$DB"
