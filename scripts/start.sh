#!/usr/bin/env bash
# Set up and run: install, build, and open Fude in a real VS Code with the demo model (offline).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "[fude start] $*"; }
started=$(date +%s)
say "installing npm dependencies…"
bash scripts/install-deps.sh
say "building (TypeScript, bundles, demo model)…"
npm run --silent build
if ! command -v code >/dev/null 2>&1 || [ "${FUDE_EDITOR:-}" = "code-server" ]; then
  bash scripts/install-code-server.sh
fi
say "ready after $(( $(date +%s) - started )) s"
exec node out/scripts/start-editor.js "$@"
