#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, offline except for apt and the npm registry:
#   - Debian packages: chromium + the toolchain/headers code-server's native modules build against
#   - code-server@4.100.3 (VS Code 1.100.3) into .cache/code-server/ under the repo
# Idempotent: when everything is already there it prints one line and exits 0.
# See shared design note "real-vscode-tests" for why each trick below is needed.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
# @vscode/ripgrep (pulled in by code-server's lib/vscode) looks for this cached archive
# before trying GitHub; the names must match its postinstall exactly.
RIPGREP_PKG_VERSION="1.15.11"
RIPGREP_RELEASE="v13.0.0-10"

APT_PACKAGES=(chromium build-essential python3 pkg-config libkrb5-dev libsecret-1-dev
  libx11-dev libxkbfile-dev ripgrep fonts-ipafont-gothic)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSTALL_DIR="${FUDE_CODE_SERVER_DIR:-$REPO_ROOT/.cache/code-server}"
STAMP="$INSTALL_DIR/.installed-$CODE_SERVER_VERSION"
ENTRY="$INSTALL_DIR/node_modules/code-server/out/node/entry.js"
START=$(date +%s)

say() { echo "[install-code-server] $*"; }
fail() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - START ))s"; }
trap 'rc=$?; [ $rc -ne 0 ] && echo "[install-code-server] FAILED after $(elapsed) (exit $rc)" >&2' EXIT

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "need root (or sudo) to run: $*"; fi
}

missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

code_server_ok() {
  [ -f "$STAMP" ] && [ -f "$ENTRY" ] && [ -x "$INSTALL_DIR/node_modules/.bin/code-server" ]
}

# ---- fast path: nothing to do ----
MISSING="$(missing_packages | tr '\n' ' ' | sed 's/ *$//')"
if [ -z "$MISSING" ] && code_server_ok; then
  echo "[install-code-server] code-server $CODE_SERVER_VERSION and chromium ready ($(elapsed))"
  exit 0
fi

# ---- Debian packages ----
command -v dpkg-query >/dev/null || fail "this script needs a Debian/Ubuntu machine (dpkg/apt-get)"
if [ -n "$MISSING" ]; then
  say "installing Debian packages: $MISSING"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || fail "apt-get update failed"
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $MISSING \
    || fail "apt-get install failed for: $MISSING"
  say "Debian packages done ($(elapsed))"
fi
command -v node >/dev/null || fail "node not found (need Node 20)"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[ "$NODE_MAJOR" = "20" ] || say "WARNING: code-server $CODE_SERVER_VERSION expects Node 20, found $(node -v)"
[ -x /usr/bin/rg ] || fail "/usr/bin/rg missing after installing ripgrep"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after installing chromium"

# ---- code-server ----
if ! code_server_ok; then
  say "installing code-server@$CODE_SERVER_VERSION into $INSTALL_DIR (a few minutes)"
  case "$(uname -m)" in
    x86_64) RG_TARGET="x86_64-unknown-linux-musl" ;;
    aarch64|arm64) RG_TARGET="aarch64-unknown-linux-musl" ;;
    *) fail "unsupported CPU $(uname -m) for the ripgrep cache trick" ;;
  esac
  TMP_ROOT="$(mktemp -d)"
  trap 'rc=$?; rm -rf "$TMP_ROOT"; [ $rc -ne 0 ] && echo "[install-code-server] FAILED after $(elapsed) (exit $rc)" >&2' EXIT
  RG_CACHE="$TMP_ROOT/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  mkdir -p "$RG_CACHE"
  tar -czf "$RG_CACHE/ripgrep-$RIPGREP_RELEASE-$RG_TARGET.tar.gz" -C /usr/bin rg

  case "$INSTALL_DIR" in */code-server) rm -rf "$INSTALL_DIR" ;; *) fail "refusing to clear $INSTALL_DIR (must end in /code-server)" ;; esac
  mkdir -p "$INSTALL_DIR"
  # npm 11 warns about (and future npm blocks) dependency install scripts without an
  # allowScripts entry; code-server's postinstall and its nested `npm install` in lib/vscode
  # (node-pty, kerberos, ripgrep...) must run, so allow them explicitly for this pinned tree.
  # A package.json of its own keeps npm from walking up into the extension's project.
  echo '{ "name": "fude-code-server", "private": true }' > "$INSTALL_DIR/package.json"
  ( cd "$INSTALL_DIR" &&
    TMPDIR="$TMP_ROOT" npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true \
    npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false \
    npm_config_dangerously_allow_all_scripts=true \
    npm install --no-package-lock --loglevel=warn "code-server@$CODE_SERVER_VERSION" ) \
    || fail "npm install code-server@$CODE_SERVER_VERSION failed (see npm output above)"

  [ -f "$ENTRY" ] || fail "code-server entry point missing after install: $ENTRY"
  RG_BIN="$(find "$INSTALL_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin" -name rg 2>/dev/null | head -1)"
  [ -n "$RG_BIN" ] || fail "ripgrep binary missing in code-server's lib/vscode (cache trick failed?)"
  [ -f "$INSTALL_DIR/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] \
    || fail "node-pty native module was not built (postinstall skipped or failed?)"
  # code-server writes a config file even for --version; keep it out of the home directory.
  VERSION_OUT="$(XDG_CONFIG_HOME="$TMP_ROOT/xdg" XDG_DATA_HOME="$TMP_ROOT/xdg" \
    "$INSTALL_DIR/node_modules/.bin/code-server" --version 2>&1 | tail -1)" \
    || fail "code-server --version failed: $VERSION_OUT"
  case "$VERSION_OUT" in "$CODE_SERVER_VERSION "*) ;; *) fail "unexpected code-server version: $VERSION_OUT" ;; esac
  touch "$STAMP"
  say "code-server $VERSION_OUT installed ($(du -sh "$INSTALL_DIR" | cut -f1))"
fi

say "done in $(elapsed)"
