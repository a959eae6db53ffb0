#!/usr/bin/env bash
# Live check of the exports against tools nobody on this project wrote:
# networkx and igraph read the current GEXF and GraphML exports, xmllint
# validates the GEXF against the official GEXF 1.3 RELAX NG grammar. Not part
# of `npm test` (CI has no networkx or igraph); the unit tests read the files
# these tools wrote instead (tests/fixtures/external).
# Runs each Python that is there: the default one and Debian's /usr/bin/python3.
set -u
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
EXTERNAL_EXPORT_DIR="$out" npx vitest run --project unit tests/unit/io/externalTools.test.ts >/dev/null ||
  { echo "the exports could not be written"; exit 1; }
for py in python3 /usr/bin/python3; do
  command -v "$py" >/dev/null || continue
  echo "== $("$py" --version 2>&1) ($(command -v "$py"))"
  "$py" tests/fixtures/external/check-tools.py "$out"/*.gexf "$out"/*.graphml
done
echo "== xmllint against tests/fixtures/external/gexf-1.3/gexf.rng"
for file in "$out"/*.gexf; do
  xmllint --noout --relaxng tests/fixtures/external/gexf-1.3/gexf.rng "$file" 2>&1 | tail -1
done
