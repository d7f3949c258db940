#!/usr/bin/env bash
# The Linux packages, as a municipal PC gets them (run by scripts/test.sh after
# scripts/package.sh; needs root for apt):
#   1. the .rpm's metadata and file list (rpm -qip / -qlp);
#   2. the .deb installed with apt; the installed app started under Xvfb and driven through
#      WebDriver (tests/app/installed.rs: the start screen, a draft that survives a restart);
#   3. the package removed: nothing of it stays installed, the user's data stays.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/setup.sh"
setup_test
ensure_debian_packages rpm
cd "$ROOT"
BUNDLE="$CARGO_TARGET_DIR/release/bundle"
deb=$(ls -t "$BUNDLE"/deb/*.deb | head -1)
rpm=$(ls -t "$BUNDLE"/rpm/*.rpm | head -1)
[ -f "$deb" ] && [ -f "$rpm" ] || die "no packages in $BUNDLE: run scripts/package.sh first"
fail() { say "package check FAILED: $*"; exit 1; }

say "rpm: metadata and file list of $(basename "$rpm")"
info=$(rpm -qip "$rpm" 2>/dev/null)
files=$(rpm -qlp "$rpm" 2>/dev/null)
grep -q '^Name *: samtalenotat' <<<"$info" || fail "rpm name: $info"
grep -q '^License *: EUPL-1.2' <<<"$info" || fail "rpm licence: $info"
grep -qx '/usr/bin/samtalenotat' <<<"$files" || fail "rpm lacks /usr/bin/samtalenotat: $files"
grep -q '/usr/share/applications/.*\.desktop' <<<"$files" || fail "rpm lacks a .desktop file"

say "deb: install $(basename "$deb") with apt"
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
dpkg-query -W -f='${Status}' samtalenotat | grep -q 'ok installed' || fail "not installed"
installed=$(dpkg -L samtalenotat)
grep -qx '/usr/bin/samtalenotat' <<<"$installed" || fail "no /usr/bin/samtalenotat"

say "the installed app in the real window (xvfb-run, tauri-driver)"
home_data=$(mktemp -d)
export SAMTALENOTAT_E2E_ARTIFACTS="$ROOT/target-artifacts/package"
mkdir -p "$SAMTALENOTAT_E2E_ARTIFACTS"
SAMTALENOTAT_INSTALLED_DATA="$home_data/data" \
SAMTALENOTAT_INSTALLED_APP=/usr/bin/samtalenotat xvfb-run -a -s '-screen 0 1920x1080x24' \
  cargo test --locked --test app installed:: -- --ignored --test-threads=1

say "deb: remove the package; nothing of it may stay installed"
db="$home_data/data/samtalenotat.sqlite3"
[ -f "$db" ] || fail "the installed app wrote no database to $db"
before=$(sha256sum "$db" | cut -d' ' -f1)
as_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq samtalenotat >/dev/null
if dpkg-query -W -f='${Status}' samtalenotat 2>/dev/null | grep -q 'ok installed'; then
  fail "still installed after removal"
fi
while read -r path; do
  [ -z "$path" ] || [ -d "$path" ] && continue
  [ -e "$path" ] && fail "left behind after removal: $path"
done <<<"$installed"
[ -f "$db" ] && [ "$(sha256sum "$db" | cut -d' ' -f1)" = "$before" ] \
  || fail "the user's data was removed or changed by removing the package"
rm -rf "$home_data"
say "packages OK: $(basename "$deb"), $(basename "$rpm")"
