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

start_smb_share
say "overview bench: 10000 notes, 1000 of them read over the SMB share"
SAMTALENOTAT_BENCH_NOTES=10000 SAMTALENOTAT_BENCH_SMB_SHARE="$SMB_MOUNT" \
  cargo bench -p samtalenotat-core --bench overview
