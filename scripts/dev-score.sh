#!/usr/bin/env bash
# Extract the dev corpus (../shared/seeds + ../shared/dev) and score it against ../shared/gold.
#   scripts/dev-score.sh [OUT_DIR] [--verbose]
# Needs the team's shared folder beside the checkout; prints the scorer's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
out="${1:-/tmp/pg-pred-$$}"; shift || true
rm -rf "$out"; mkdir -p "$out"
npx tsx src/cli/main.ts extract --format json --out "$out" "$shared"/seeds/*.txt "$shared"/dev/*.txt >/dev/null 2>&1
node "$shared/tools/score.mjs" --gold "$shared/gold" --pred "$out" "$@"
