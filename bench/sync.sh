#!/usr/bin/env bash
# Sync benchmark (docs/performance.md, "Sync"):
#  1. 1,000 notes to an empty local folder share vs `rsync -a --fsync` of the same files
#     (same run, same disk; goal: sync <= 1.5x rsync's time);
#  2. notes/s to a real Samba share on 127.0.0.1 mounted through FUSE (rclone), started and
#     torn down (by PID) with tests/support/smb-share-{up,down}.sh. Needs root and /dev/fuse
#     (fails without them).
# Env: SAMTALENOTAT_BENCH_NOTES (1000), SAMTALENOTAT_BENCH_ROUNDS (3), SAMTALENOTAT_BENCH_DIR.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
ensure_debian_packages rsync
cd "$ROOT"

say "sync bench: local folder share vs rsync -a --fsync"
cargo bench -p samtalenotat-core --bench sync

start_smb_share
say "sync bench: SMB share through FUSE"
SAMTALENOTAT_BENCH_SMB_SHARE="$SMB_MOUNT" cargo bench -p samtalenotat-core --bench sync
