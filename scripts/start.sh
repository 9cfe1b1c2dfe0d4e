#!/usr/bin/env bash
# Set up and run: install, build, and open Fude in a real VS Code with the demo model (offline).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "[fude start] $*"; }
started=$(date +%s)
say "installing npm dependencies…"
# npm ci refuses this lock file (npm 11 leaves other platforms' optional node-llama-cpp binaries out of it), so install.
npm install --ignore-scripts --no-audit --no-fund --loglevel=error
say "building (TypeScript, bundles, demo model)…"
npm run --silent build
if ! command -v code >/dev/null 2>&1 || [ "${FUDE_EDITOR:-}" = "code-server" ]; then
  bash scripts/install-code-server.sh
fi
say "ready after $(( $(date +%s) - started )) s"
exec node out/scripts/start-editor.js
