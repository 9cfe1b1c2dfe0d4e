#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs, builds, then runs
#   0. lint: ESLint and Prettier's check                  npm run lint
#   1. unit tests (pure modules, fixtures, harness)       mocha
#   2. backend tests (the real fude-backend process)      mocha
#   3. the in-editor suite inside a real VS Code          code-server + headless chromium
#   4. UI scenarios that drive the real workbench         playwright-core
#   5. every platform's .vsix: contents, and linux-x64 installed into code-server   mocha
# and ends with one line: "Summary: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
LOG_DIR=test-output/logs
mkdir -p "$LOG_DIR"
say() { echo "[fude test] $*"; }
started=$(date +%s)
passed=0; failed=0; broken=()

count() { # adds mocha's "N passing" / "N failing" from a stage log
  local p f
  p=$(grep -Eo '^\s*[0-9]+ passing' "$1" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  f=$(grep -Eo '^\s*[0-9]+ failing' "$1" | tail -1 | grep -Eo '[0-9]+' || echo 0)
  passed=$((passed + p)); failed=$((failed + f))
}

stage() { # stage NAME COMMAND...: runs it, keeps its log, records a failure
  local name=$1; shift
  local log="$LOG_DIR/$name.log" t0=$(date +%s)
  say "── $name: $*"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  say "── $name: exit $rc after $(( $(date +%s) - t0 )) s"
  if [ "$rc" -ne 0 ]; then broken+=("$name"); fi
  return 0
}

set -e
say "installing npm dependencies…"
bash scripts/install-deps.sh
bash scripts/install-code-server.sh
say "building…"
npm run --silent build
set +e

stage lint npm run --silent lint
if [[ " ${broken[*]-} " == *" lint "* ]]; then failed=$((failed + 1)); else passed=$((passed + 1)); fi
stage unit npx mocha --exit --timeout 60000 'out/test/unit/**/*.test.js' 'out/test/harness/**/*.test.js'
count "$LOG_DIR/unit.log"
stage backend npx mocha --exit --timeout 120000 'out/test/backend/**/*.test.js'
count "$LOG_DIR/backend.log"
ws=$(mktemp -d)
cp -r samples/workspace/. "$ws/"
stage vscode node out/test/harness/run-vscode-tests.js --extension-dir . --also-extension-dir test/fixtures/lm-client --tests dist/test/vscode/index.cjs --workspace "$ws" --timeout-ms 300000 --out test-output/vscode
count "$LOG_DIR/vscode.log"
for scenario in out/test/e2e/*-scenario.js; do
  name=e2e-$(basename "$scenario" -scenario.js)
  stage "$name" node "$scenario"
  if grep -q PASSED "$LOG_DIR/$name.log"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done

# Last, being the heaviest (seven packages, 45-222 MB each, built one at a time and removed once checked).
stage package npx mocha --exit 'out/test/package/**/*.test.js'
count "$LOG_DIR/package.log"

say "logs: $LOG_DIR/, screenshots: test-output/e2e/ and test-output/vscode/"
say "took $(( $(date +%s) - started )) s"
if [ ${#broken[@]} -gt 0 ]; then
  # Each failed stage's failures again, here at the end: a long run's log is often read from its tail only.
  for name in "${broken[@]}"; do
    if grep -Eq '^\s*[0-9]+ failing' "$LOG_DIR/$name.log"; then
      say "── $name: what failed"
      sed -n '/^\s*[0-9]* failing/,$p' "$LOG_DIR/$name.log" | head -60
    fi
  done
  say "FAILED stages: ${broken[*]}"
  [ "$failed" -eq 0 ] && failed=${#broken[@]}
fi
echo "Summary: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ]
