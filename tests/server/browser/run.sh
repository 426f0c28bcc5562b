#!/usr/bin/env bash
# @file tests/server/browser/run.sh
# @brief The page in Debian's chromium: installs the pinned playwright-core into the build tree
#        (npm ci, no browser download), indexes the seed and two test reports, starts
#        rapporteur-serve on a free loopback port, runs page.test.mjs, stops the server.
# Usage: run.sh OUT_DIR BIN_DIR SEEDS_DIR   (the screenshot is left in OUT_DIR)
set -euo pipefail
out=$1 bin=$2 seeds=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
if ! cmp -s "$here/package-lock.json" "$out/package-lock.json" || [ ! -d "$out/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$out" --ignore-scripts --no-audit --no-fund --loglevel=error
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cp "$here"/data/*.txt "$work/"
"$bin/rapporteur-index" --db "$work/db" "$seeds" "$work"/*.txt >/dev/null
"$bin/rapporteur-serve" --db "$work/db" --listen 127.0.0.1:0 --port-file "$work/port" 2>"$out/server.log" &
server=$!
for _ in $(seq 1 600); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "rapporteur-serve did not start:"; cat "$out/server.log"; exit 1; }
node "$here/page.test.mjs" "http://127.0.0.1:$(cat "$work/port")" "$out"
