#!/usr/bin/env bash
# Overview benchmark (docs/performance.md, "Overview"): generated shares of 10,000 and
# 100,000 signed notes with planted faults; cold run against the bare hashing and signature
# checks in the same process (goal <= 1.5x), warm run (goal <= 1 s at 100k), 100 new notes
# (goal <= 2 s at 100k), peak RSS (goal <= 300 MB at 100k).
# Then notes/s over a real Samba share on 127.0.0.1 mounted through FUSE (rclone; started and
# torn down with tests/support/smb-share-{up,down}.sh; needs root and /dev/fuse).
# Env: SAMTALENOTAT_BENCH_DIR (the disk to measure; default the temp folder),
# SAMTALENOTAT_BENCH_KEEP (keep the generated shares there and use them again),
# SAMTALENOTAT_BENCH_SMB_NOTES (notes copied to the SMB share; 1000).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
cd "$ROOT"
for n in 10000 100000; do
  say "overview bench: $n notes"
  SAMTALENOTAT_BENCH_NOTES=$n cargo bench -p samtalenotat-core --bench overview
done

if [ "$(id -u)" != 0 ] || [ ! -c /dev/fuse ]; then
  echo "the SMB part needs root and /dev/fuse" >&2; exit 1
fi
ensure_debian_packages samba smbclient rclone fuse3
work=$(mktemp -d /tmp/samtalenotat-bench-smb.XXXXXX)
export SMB_STATE_DIR="$work/state"
cleanup() { tests/support/smb-share-down.sh "$work/mnt"; rm -rf "$work"; }
trap cleanup EXIT
tests/support/smb-share-up.sh "$work/mnt" >/dev/null
say "overview bench: 10000 notes, 1000 of them read over the SMB share"
SAMTALENOTAT_BENCH_NOTES=10000 SAMTALENOTAT_BENCH_SMB_SHARE="$work/mnt" \
  cargo bench -p samtalenotat-core --bench overview
