#!/usr/bin/env bash
# Builds the release app and its Linux packages (.deb and .rpm) with the official Tauri CLI
# (the npm package @tauri-apps/cli, pinned in ui/package.json to the tauri crate's version and
# installed with the UI's packages). The UI is built first (`beforeBuildCommand`).
#
#   scripts/package.sh            → $CARGO_TARGET_DIR/release/bundle/{deb,rpm}/
#
# The AppImage and the Windows installers are configured in tauri.conf.json but not built
# here: the AppImage bundler downloads linuxdeploy and AppRun from GitHub, and the Windows
# installers are built on Windows (docs/operations.md, "Packages").
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_app
cd "$ROOT"
say "building the release app and its .deb and .rpm (tauri build; minutes on two cores)"
"$ROOT/ui/node_modules/.bin/tauri" build --bundles deb,rpm --ci
for f in "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb "$CARGO_TARGET_DIR"/release/bundle/rpm/*.rpm; do
  say "built $f ($(du -h "$f" | cut -f1))"
done
