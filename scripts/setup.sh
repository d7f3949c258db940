#!/usr/bin/env bash
# Installs what Samtalenotat needs on Debian 12 / Ubuntu, only where it is missing, and says
# what it does. Sourced by scripts/run.sh and scripts/test.sh:
#   setup_app   build and run the app (WebKitGTK, compilers, npm packages)
#   setup_test  also what the tests use (Xvfb, WebKitWebDriver, tauri-driver, minisign, ...)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# One cargo target folder per user, kept between clones: rebuilding Tauri takes minutes.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/samtalenotat-target}
TAURI_DRIVER_VERSION='^2'

say() { printf '\033[1m[samtalenotat]\033[0m %s\n' "$*" >&2; }
die() { say "FEJL: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@";
  else die "need root (or sudo) to run: $*"; fi
}

apt_updated=0
ensure_debian_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "apt-get not found; install by hand: ${missing[*]}"
  say "installing Debian packages: ${missing[*]}"
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

ensure_toolchains() {
  command -v cargo >/dev/null || die "Rust (cargo) is missing: install it with rustup (https://rustup.rs), then run this again"
  command -v npm >/dev/null || ensure_debian_packages nodejs npm
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js 20 or newer is needed (found $(node --version))"
}

ensure_ui_packages() {
  local stamp="$ROOT/ui/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$ROOT/ui/package-lock.json" -nt "$stamp" ]; then
    say "installing the UI's npm packages (npm ci)"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build_ui() {
  say "building the UI (vite build → ui/dist)"
  (cd "$ROOT/ui" && npm run --silent build >/dev/null)
}

setup_app() {
  ensure_debian_packages build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev librsvg2-dev
  ensure_toolchains
  ensure_ui_packages
}

# A throw-away Samba share on 127.0.0.1 mounted through FUSE (tests/support/smb-share-up.sh),
# torn down when the calling script exits; its mount point in $SMB_MOUNT (the benches).
start_smb_share() {
  { [ "$(id -u)" = 0 ] && [ -c /dev/fuse ]; } || die "the SMB share needs root and /dev/fuse"
  ensure_debian_packages samba smbclient rclone fuse3
  SMB_WORK=$(mktemp -d /tmp/samtalenotat-smb.XXXXXX)
  export SMB_STATE_DIR="$SMB_WORK/state" SMB_MOUNT="$SMB_WORK/mnt"
  trap '"$ROOT/tests/support/smb-share-down.sh" "$SMB_MOUNT"; rm -rf "$SMB_WORK"' EXIT
  "$ROOT/tests/support/smb-share-up.sh" "$SMB_MOUNT" >/dev/null
}

setup_test() {
  setup_app
  # xauth is only a recommendation of xvfb, but xvfb-run needs it.
  ensure_debian_packages xvfb xauth webkit2gtk-driver minisign qpdf poppler-utils sqlite3
  # Sync tests and bench: a throw-away Samba server mounted through FUSE; rsync as the yardstick.
  ensure_debian_packages samba smbclient rclone fuse3 rsync
  if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
    # A bare `cargo install tauri-driver` picks a 3.0 alpha; the app is Tauri 2.
    say "installing tauri-driver $TAURI_DRIVER_VERSION (cargo install, about a minute)"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
  fi
  export PATH="$HOME/.cargo/bin:$PATH"
}
