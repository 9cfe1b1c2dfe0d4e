#!/usr/bin/env bash
# Installs what the real-VS-Code tests and `npm start` need, offline except for apt and the npm registry:
#   - Debian packages: chromium + the toolchain/headers code-server's native modules build against
#   - Node.js 22 from the npm registry (package node-linux-<arch>) into .cache/code-server/node/,
#     because current code-server releases declare Node 22 and the machine's own Node may be another
#   - code-server (a current VS Code) into .cache/code-server/, installed and run with that Node
# Idempotent: when everything is already there it prints one line and exits 0.
# See shared design note "real-vscode-tests" for why each trick below is needed.
set -euo pipefail

CODE_SERVER_VERSION="4.117.0" # VS Code 1.117.0
NODE_MAJOR="22"               # code-server's engines.node for this release

APT_PACKAGES=(chromium build-essential python3 pkg-config libkrb5-dev libsecret-1-dev
  libx11-dev libxkbfile-dev ripgrep fonts-ipafont-gothic)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
INSTALL_DIR="$(realpath -m "${FUDE_CODE_SERVER_DIR:-$REPO_ROOT/.cache/code-server}")"
STAMP="$INSTALL_DIR/.installed-$CODE_SERVER_VERSION-node$NODE_MAJOR"
ENTRY="$INSTALL_DIR/node_modules/code-server/out/node/entry.js"
# test/harness/repo-paths.ts looks for the same path.
NODE_BIN="$INSTALL_DIR/node/node_modules/.bin/node"
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
  [ -f "$STAMP" ] && [ -f "$ENTRY" ] && [ -x "$NODE_BIN" ] && [ -x "$INSTALL_DIR/node_modules/.bin/code-server" ]
}

# ---- fast path: nothing to do ----
MISSING="$(missing_packages | tr '\n' ' ' | sed 's/ *$//')"
if [ -z "$MISSING" ] && code_server_ok; then
  echo "[install-code-server] code-server $CODE_SERVER_VERSION (Node $NODE_MAJOR) and chromium ready ($(elapsed))"
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
command -v npm >/dev/null || fail "npm not found (need Node.js 20+ with npm)"
[ -x /usr/bin/rg ] || fail "/usr/bin/rg missing after installing ripgrep"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after installing chromium"

if code_server_ok; then say "done in $(elapsed)"; exit 0; fi

case "$(uname -m)" in
  x86_64) NODE_ARCH="x64"; RG_TARGET="x86_64-unknown-linux-musl" ;;
  aarch64|arm64) NODE_ARCH="arm64"; RG_TARGET="aarch64-unknown-linux-musl" ;;
  *) fail "unsupported CPU $(uname -m) (x86_64 and aarch64 have Node and ripgrep builds)" ;;
esac
case "$INSTALL_DIR" in */code-server) rm -rf "$INSTALL_DIR" ;; *) fail "refusing to clear $INSTALL_DIR (must end in /code-server)" ;; esac
TMP_ROOT="$(mktemp -d)"
trap 'rc=$?; rm -rf "$TMP_ROOT"; [ $rc -ne 0 ] && echo "[install-code-server] FAILED after $(elapsed) (exit $rc)" >&2' EXIT
# Run under `npm test`/`npm start`, this script inherits the variables npm sets for the project's scripts.
# The npm installs below are not that project's: drop them. npm_config_user_agent above all, which the
# nested npm would take as its own ("node/v20" when the outer npm runs on Node 20), and which code-server's
# postinstall reads to check the Node version.
for v in $(compgen -e); do
  case "$v" in
    npm_config_user_agent|npm_config_local_prefix|npm_config_global_prefix|npm_config_npm_version|npm_config_node_gyp|\
    npm_config_allow_scripts|npm_command|npm_execpath|npm_node_execpath|npm_lifecycle_*|npm_package_*) unset "$v" ;;
  esac
done
# Quiet, non-interactive npm for everything below; a package.json of each folder's own keeps npm
# from walking up into the extension's project.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_yes=true

# ---- Node.js $NODE_MAJOR: the registry's node-linux-<arch> package is the official binary plus its headers ----
say "installing Node.js $NODE_MAJOR (node-linux-$NODE_ARCH from npm) into $INSTALL_DIR/node"
mkdir -p "$INSTALL_DIR/node"
echo '{ "name": "fude-code-server-node", "private": true }' > "$INSTALL_DIR/node/package.json"
( cd "$INSTALL_DIR/node" && npm install --no-package-lock --loglevel=warn "node-linux-$NODE_ARCH@$NODE_MAJOR" ) \
  || fail "npm install node-linux-$NODE_ARCH@$NODE_MAJOR failed (see npm output above)"
NODE_HOME="$INSTALL_DIR/node/node_modules/node-linux-$NODE_ARCH"
[ -x "$NODE_BIN" ] && [ -d "$NODE_HOME/include/node" ] || fail "node-linux-$NODE_ARCH has no bin/node or include/node"
"$NODE_BIN" -e "process.exit(process.versions.node.split('.')[0] === '$NODE_MAJOR' ? 0 : 1)" \
  || fail "the installed Node is $("$NODE_BIN" -v), not $NODE_MAJOR"
say "Node $("$NODE_BIN" -v) ready ($(elapsed))"
# npm itself (#!/usr/bin/env node) and code-server's postinstall, which checks npm's user agent, run on it.
export PATH="$NODE_HOME/bin:$PATH"

# ---- the ripgrep cache for @vscode/ripgrep ----
# lib/vscode's @vscode/ripgrep downloads rg from GitHub in its postinstall, with no switch to skip it,
# but first looks for $TMPDIR/vscode-ripgrep-cache-<its version>/ripgrep-<rg release>-<target>.tar.gz.
# Both names are read from the packages themselves, so a code-server upgrade needs no edit here.
say "reading code-server@$CODE_SERVER_VERSION's @vscode/ripgrep version"
( cd "$TMP_ROOT" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null ) || fail "npm pack code-server@$CODE_SERVER_VERSION failed"
tar -xzf "$TMP_ROOT/code-server-$CODE_SERVER_VERSION.tgz" -C "$TMP_ROOT" package/lib/vscode/npm-shrinkwrap.json \
  || fail "code-server@$CODE_SERVER_VERSION has no lib/vscode/npm-shrinkwrap.json"
RG_PKG_VERSION="$(node -p "require('$TMP_ROOT/package/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")"
rm -rf "$TMP_ROOT/package"
( cd "$TMP_ROOT" && npm pack --silent "@vscode/ripgrep@$RG_PKG_VERSION" >/dev/null ) || fail "npm pack @vscode/ripgrep@$RG_PKG_VERSION failed"
tar -xzf "$TMP_ROOT/vscode-ripgrep-$RG_PKG_VERSION.tgz" -C "$TMP_ROOT" package/lib/postinstall.js
RG_RELEASE="$(sed -n "s/^const VERSION = '\(v[^']*\)'.*/\1/p" "$TMP_ROOT/package/lib/postinstall.js")"
[ -n "$RG_RELEASE" ] || fail "could not read the ripgrep release from @vscode/ripgrep@$RG_PKG_VERSION's postinstall.js"
rm -rf "$TMP_ROOT/package" "$TMP_ROOT"/*.tgz
RG_CACHE="$TMP_ROOT/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$RG_CACHE"
tar -czf "$RG_CACHE/ripgrep-$RG_RELEASE-$RG_TARGET.tar.gz" -C /usr/bin rg
say "seeded $(basename "$RG_CACHE")/ripgrep-$RG_RELEASE-$RG_TARGET.tar.gz with Debian's rg"

# ---- code-server ----
say "installing code-server@$CODE_SERVER_VERSION into $INSTALL_DIR (a few minutes)"
echo '{ "name": "fude-code-server", "private": true }' > "$INSTALL_DIR/package.json"
# code-server's postinstall refuses to run as root unless npm_config_unsafe_perm=true, a setting npm
# itself dropped in v7 (it warns 'Unknown env config "unsafe-perm"' when it sees it). npm runs every
# lifecycle script through script-shell, so a shell that sets it gives it to the scripts only.
SCRIPT_SHELL="$TMP_ROOT/script-shell"
printf '#!/bin/sh\nnpm_config_unsafe_perm=true exec /bin/sh "$@"\n' > "$SCRIPT_SHELL"
chmod +x "$SCRIPT_SHELL"
# Native modules (argon2, node-pty, kerberos...) build against the headers of the Node they run on.
# npm 11 wants an allowScripts entry per dependency with install scripts; this pinned tree's
# postinstalls (its nested `npm install` in lib/vscode, node-pty, ripgrep...) must run, so all are allowed.
( cd "$INSTALL_DIR" &&
  TMPDIR="$TMP_ROOT" npm_config_nodedir="$NODE_HOME" npm_config_script_shell="$SCRIPT_SHELL" \
  npm_config_dangerously_allow_all_scripts=true \
  npm install --no-package-lock --loglevel=warn "code-server@$CODE_SERVER_VERSION" ) \
  || fail "npm install code-server@$CODE_SERVER_VERSION failed (see npm output above)"

[ -f "$ENTRY" ] || fail "code-server entry point missing after install: $ENTRY"
VSCODE_DIR="$INSTALL_DIR/node_modules/code-server/lib/vscode"
# Since VS Code 1.113 the built-in git extension requires @vscode/fs-copyfile, which code-server's npm
# package leaves out (coder/code-server#7806): every window would say "Activating extension 'vscode.git'
# failed". Its native part is macOS-only (elsewhere it is plain JavaScript over node:fs), so the package's
# files are enough; unpacked rather than `npm install`ed, which would re-resolve VS Code's whole tree.
if grep -q '@vscode/fs-copyfile' "$VSCODE_DIR/extensions/git/dist/main.js" 2>/dev/null \
  && [ ! -d "$VSCODE_DIR/node_modules/@vscode/fs-copyfile" ]; then
  ( cd "$TMP_ROOT" && npm pack --silent "@vscode/fs-copyfile@2.0.0" >/dev/null ) || fail "npm pack @vscode/fs-copyfile@2.0.0 failed"
  mkdir -p "$VSCODE_DIR/node_modules/@vscode/fs-copyfile"
  tar -xzf "$TMP_ROOT/vscode-fs-copyfile-2.0.0.tgz" -C "$VSCODE_DIR/node_modules/@vscode/fs-copyfile" --strip-components=1
  "$NODE_BIN" -e "require(process.argv[1]).cp" "$VSCODE_DIR/node_modules/@vscode/fs-copyfile" \
    || fail "@vscode/fs-copyfile does not load on Node $NODE_MAJOR"
  say "added @vscode/fs-copyfile, which code-server's git extension needs and its package leaves out"
fi
RG_BIN="$(find "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin" -name rg 2>/dev/null | head -1)"
[ -n "$RG_BIN" ] || fail "ripgrep binary missing in code-server's lib/vscode (cache trick failed?)"
# node-pty (the terminal) ships prebuilt binaries in newer releases and is compiled in older ones: load it.
"$NODE_BIN" -e "require(process.argv[1])" "$VSCODE_DIR/node_modules/node-pty" \
  || fail "node-pty does not load on Node $NODE_MAJOR (its install script skipped or failed?)"
# code-server writes a config file even for --version; keep it out of the home directory.
VERSION_OUT="$(XDG_CONFIG_HOME="$TMP_ROOT/xdg" XDG_DATA_HOME="$TMP_ROOT/xdg" \
  "$NODE_BIN" "$ENTRY" --version 2>&1 | tail -1)" \
  || fail "code-server --version failed: $VERSION_OUT"
case "$VERSION_OUT" in "$CODE_SERVER_VERSION "*) ;; *) fail "unexpected code-server version: $VERSION_OUT" ;; esac
touch "$STAMP"
say "code-server $VERSION_OUT installed on Node $("$NODE_BIN" -v) ($(du -sh "$INSTALL_DIR" | cut -f1))"
say "done in $(elapsed)"
