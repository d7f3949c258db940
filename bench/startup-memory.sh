#!/usr/bin/env bash
# Start-up time and idle memory of Samtalenotat against a bare Tauri app with the same Tauri
# version and features (bench/bare-app), both release builds from the same target folder,
# measured in the same run on the same (virtual) display.
#
#   bench/startup-memory.sh [RUNS]     (default 7 runs per app)
#
# Start-up: wall time from exec to the page's first IPC call reaching Rust (each app writes
# the time to $SAMTALENOTAT_READY_FILE). Memory: PSS summed over the app's process tree
# (the app, WebKitWebProcess, WebKitNetworkProcess) after 5 s idle. Also: binary sizes.
set -euo pipefail
RUNS=${1:-7}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/samtalenotat-target}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1920x1080x24' "$0" "$@"
fi

(cd "$ROOT/ui" && npm run --silent build >/dev/null)
(cd "$ROOT" && cargo build --locked --release -p samtalenotat -p bare-app)

descendants() { # pid → pid and all its descendants
  local p=$1 kid
  echo "$p"
  for kid in $(ps -o pid= --ppid "$p" 2>/dev/null); do descendants "$kid"; done
}

pss_kib() { # sum of Pss over a process tree, in KiB
  local total=0 p v
  for p in $(descendants "$1"); do
    v=$(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    total=$((total + ${v:-0}))
  done
  echo "$total"
}

measure() { # name binary → lines "startup_ms pss_kib"
  local name=$1 bin=$2 i
  for i in $(seq 1 "$RUNS"); do
    local tmp; tmp=$(mktemp -d)
    local ready="$tmp/ready"
    local t0; t0=$(date +%s%N)
    SAMTALENOTAT_DATA_DIR="$tmp/data" SAMTALENOTAT_READY_FILE="$ready" "$bin" >/dev/null 2>&1 &
    local pid=$!
    local waited=0
    while [ ! -s "$ready" ]; do
      sleep 0.01; waited=$((waited + 1))
      if [ $waited -gt 3000 ]; then echo "$name did not become ready" >&2; kill -9 $pid; exit 1; fi
    done
    local t1; t1=$(cat "$ready")
    sleep 5
    local pss; pss=$(pss_kib $pid)
    for p in $(descendants $pid | tac); do kill "$p" 2>/dev/null || true; done
    wait $pid 2>/dev/null || true
    rm -rf "$tmp"
    echo "$(( (t1 - t0) / 1000000 )) $pss"
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

app_bin="$CARGO_TARGET_DIR/release/samtalenotat"
bare_bin="$CARGO_TARGET_DIR/release/bare-app"
measure bare "$bare_bin" >/dev/null   # warm the page cache for both: the first run is cold
measure app "$app_bin" >/dev/null
bare=$(measure bare "$bare_bin")
app=$(measure app "$app_bin")

b_start=$(cut -d' ' -f1 <<<"$bare" | median); a_start=$(cut -d' ' -f1 <<<"$app" | median)
b_pss=$(cut -d' ' -f2 <<<"$bare" | median);   a_pss=$(cut -d' ' -f2 <<<"$app" | median)
a_size=$(stat -c %s "$app_bin"); b_size=$(stat -c %s "$bare_bin")

printf '| measure (median of %s runs) | Samtalenotat | bare Tauri app | ratio | goal |\n' "$RUNS"
printf '|---|---|---|---|---|\n'
printf '| exec → first IPC call | %s ms | %s ms | %s | ≤ 1.2 |\n' "$a_start" "$b_start" \
  "$(awk -v a="$a_start" -v b="$b_start" 'BEGIN{printf "%.2f", a/b}')"
printf '| PSS after 5 s idle (process tree) | %s MiB | %s MiB | %s | ≤ 1.3 |\n' \
  "$(awk -v a="$a_pss" 'BEGIN{printf "%.1f", a/1024}')" "$(awk -v b="$b_pss" 'BEGIN{printf "%.1f", b/1024}')" \
  "$(awk -v a="$a_pss" -v b="$b_pss" 'BEGIN{printf "%.2f", a/b}')"
printf '| release binary | %s MB | %s MB | %s | ≤ 15 MB |\n' \
  "$(awk -v a="$a_size" 'BEGIN{printf "%.1f", a/1e6}')" "$(awk -v b="$b_size" 'BEGIN{printf "%.1f", b/1e6}')" \
  "$(awk -v a="$a_size" -v b="$b_size" 'BEGIN{printf "%.2f", a/b}')"
