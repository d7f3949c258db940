#!/usr/bin/env bash
# Sync benchmark (docs/performance.md, "Sync"):
#  1. 1,000 notes to an empty local folder share vs `rsync -a --fsync` of the same files
#     (same run, same disk; goal: sync <= 1.5x rsync's time);
#  2. notes/s to a real Samba share on 127.0.0.1 mounted through FUSE (rclone), started and
#     torn down (by PID) with tests/support/smb-share-{up,down}.sh. Needs root and /dev/fuse;
#     skipped with a message otherwise.
# Env: SAMTALENOTAT_BENCH_NOTES (1000), SAMTALENOTAT_BENCH_ROUNDS (3), SAMTALENOTAT_BENCH_DIR.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
ensure_debian_packages rsync
cd "$ROOT"

say "sync bench: local folder share vs rsync -a --fsync"
cargo bench -p samtalenotat-core --bench sync

if [ "$(id -u)" != 0 ] || [ ! -c /dev/fuse ]; then
  say "SMB part skipped: needs root and /dev/fuse"; exit 0
fi
ensure_debian_packages samba smbclient rclone fuse3
work=$(mktemp -d /tmp/samtalenotat-bench-smb.XXXXXX)
export SMB_STATE_DIR="$work/state"
cleanup() { tests/support/smb-share-down.sh "$work/mnt"; rm -rf "$work"; }
trap cleanup EXIT
tests/support/smb-share-up.sh "$work/mnt" >/dev/null
say "sync bench: SMB share through FUSE"
SAMTALENOTAT_BENCH_SMB_SHARE="$work/mnt" cargo bench -p samtalenotat-core --bench sync
