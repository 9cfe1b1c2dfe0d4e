#!/usr/bin/env bash
# Installs the npm dependencies exactly as package-lock.json says (`npm ci`, as CI does), unless
# node_modules already came from this lock file. --ignore-scripts: the build runs as its own step, and
# no dependency needs its install script here (see allowScripts in package.json for a plain `npm ci`).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.fude-lock-sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "[fude] npm dependencies match package-lock.json"
  exit 0
fi
npm ci --ignore-scripts --no-audit --no-fund
echo "$want" > "$stamp"
