#!/usr/bin/env bash
# Builds and starts Samtalenotat. Data: the platform's app-data folder
# (~/.local/share/dk.samtalenotat.app), or SAMTALENOTAT_DATA_DIR if set.
#   scripts/run.sh            debug build (quick to build)
#   scripts/run.sh --release  optimised build
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
profile=()
[ "${1:-}" = --release ] && profile=(--release)
setup_app
build_ui
say "building the app (cargo build ${profile[*]}; the first build takes several minutes)"
cd "$ROOT"
cargo build --locked "${profile[@]}" -p samtalenotat
dir=debug; [ ${#profile[@]} -gt 0 ] && dir=release
bin="$CARGO_TARGET_DIR/$dir/samtalenotat"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  ensure_debian_packages xvfb xauth
  say "no display found: starting the window on a virtual display (xvfb-run)"
  exec xvfb-run -a -s '-screen 0 1920x1080x24' "$bin"
fi
say "starting Samtalenotat"
exec "$bin"
