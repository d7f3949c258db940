#!/usr/bin/env bash
# The whole test suite, as CI runs it: formatting, lints, UI type check and unit tests, Rust
# tests, and end-to-end tests that drive the real app window under a virtual display.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_test
cd "$ROOT"
step() { say "── $*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "UI: type check (svelte-check) and unit tests (vitest)"
(cd ui && npm run --silent check && npm test --silent)
build_ui

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --locked --workspace --all-targets -- -D warnings

step "cargo test --workspace"
cargo test --locked --workspace

step "sync to a real SMB share (throw-away Samba on 127.0.0.1 through FUSE; needs root)"
# Not skipped when they cannot run: a skipped test that passes would hide a gap.
[ "$(id -u)" = 0 ] || die "the SMB tests need root (they start Samba and mount it with FUSE)"
[ -c /dev/fuse ] || die "the SMB tests need /dev/fuse"
cargo test --locked -p samtalenotat-core --test core sync_smb:: -- --ignored --test-threads=1

step "end-to-end tests in the real window (xvfb-run, tauri-driver, WebKitWebDriver)"
export SAMTALENOTAT_E2E_ARTIFACTS="$ROOT/target-artifacts/e2e"
mkdir -p "$SAMTALENOTAT_E2E_ARTIFACTS"
# `test-hooks` compiles in the environment variables that stand in for the folder dialog;
# a normal build ignores them.
xvfb-run -a -s '-screen 0 1920x1080x24' \
  cargo test --locked --features test-hooks --test app -- --ignored --test-threads=1 e2e::

step "packages: build the .deb and .rpm, install the .deb, drive the installed app, remove it"
bash "$ROOT/scripts/package.sh"
bash "$ROOT/tests/package/check.sh"

say "all checks passed"
