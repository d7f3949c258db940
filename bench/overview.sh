#!/usr/bin/env bash
# Overview benchmark (docs/performance.md, "Overview"): generated shares of 10,000 and
# 100,000 signed notes with planted faults; cold run against the bare hashing and signature
# checks in the same process (goal <= 1.5x), warm run (goal <= 1 s at 100k), 100 new notes
# (goal <= 2 s at 100k), peak RSS (goal <= 300 MB at 100k).
# Env: SAMTALENOTAT_BENCH_DIR (the disk to measure; default the temp folder).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/setup.sh"
cd "$ROOT"
for n in 10000 100000; do
  say "overview bench: $n notes"
  SAMTALENOTAT_BENCH_NOTES=$n cargo bench -p samtalenotat-core --bench overview
done
