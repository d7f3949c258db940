#!/usr/bin/env bash
# How long the start screen takes to draw its list with 100,000 records, against an empty
# database, in the same run on the same (virtual) display (issue 12, point 4: goal ≤ 1.1×).
#
#   bench/list-draw.sh [ROUNDS] [RECORDS]      (default 7 rounds, 100000 records)
#
# The release app is opened through tauri-driver (WebDriver), one new app per measurement,
# alternating the empty and the full data folder (after one warm-up of each, so both read
# from a warm page cache). Each time is from the WebDriver request that starts the app to the
# moment the page marks the list (or its empty state) drawn: `html[data-list-drawn-at]`,
# written after the DOM update and the next painted frame (ui/src/lib/StartScreen.svelte).
# Also reported: exec → first IPC call ($SAMTALENOTAT_READY_FILE, as bench/startup-memory.sh).
# The full folder is made by the store benchmark's generator
# (SAMTALENOTAT_BENCH_FILL, src-tauri/core/benches/store.rs) and kept in
# $SAMTALENOTAT_LIST_BENCH_DIR (default /tmp/samtalenotat-list-bench) for later runs; the
# app's start writes to it (settings, WAL), never to records.
set -euo pipefail
ROUNDS=${1:-7}
RECORDS=${2:-100000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/samtalenotat-target}
WORK=${SAMTALENOTAT_LIST_BENCH_DIR:-/tmp/samtalenotat-list-bench}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1920x1080x24' "$0" "$@"
fi

# SAMTALENOTAT_LIST_BENCH_APP=BINARY measures a build kept from before (no build here).
app_bin=${SAMTALENOTAT_LIST_BENCH_APP:-}
if [ -z "$app_bin" ]; then
  (cd "$ROOT/ui" && npm run --silent build >/dev/null)
  (cd "$ROOT" && cargo build --locked --release -p samtalenotat)
  app_bin="$CARGO_TARGET_DIR/release/samtalenotat"
fi

full="$WORK/full-$RECORDS"
if [ ! -s "$full/samtalenotat.sqlite3" ]; then
  rm -rf "$full"
  (cd "$ROOT" && SAMTALENOTAT_BENCH_FILL="$full" SAMTALENOTAT_BENCH_RECORDS="$RECORDS" \
    cargo bench --locked -p samtalenotat-core --bench store)
fi
empty="$WORK/empty"
mkdir -p "$empty"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# One app start on data folder $1: prints "drawn_ms ready_ms rows".
measure() {
  local data=$1 port native log ready driver sid t0 drawn rows t_ready
  port=$(free_port); native=$(free_port)
  log=$(mktemp); ready=$(mktemp -u)
  SAMTALENOTAT_DATA_DIR="$data" SAMTALENOTAT_READY_FILE="$ready" \
    setsid tauri-driver --port "$port" --native-port "$native" \
    --native-driver "$(command -v WebKitWebDriver)" >"$log" 2>&1 &
  driver=$!
  until curl -sf "http://127.0.0.1:$port/status" >/dev/null; do sleep 0.05; done
  t0=$(now_ms)
  sid=$(curl -sf -X POST "http://127.0.0.1:$port/session" -H 'Content-Type: application/json' \
    -d "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"wry\",\"tauri:options\":{\"application\":\"$app_bin\"}}}}" \
    | jq -r .value.sessionId)
  local script='return [document.documentElement.dataset.listDrawnAt || null,
    document.querySelectorAll("[data-testid=record-row]").length,
    document.querySelector("[data-testid=empty-state]") !== null]'
  local answer deadline=$(( $(now_ms) + 60000 ))
  while :; do
    answer=$(curl -sf -X POST "http://127.0.0.1:$port/session/$sid/execute/sync" \
      -H 'Content-Type: application/json' -d "$(jq -n --arg s "$script" '{script:$s,args:[]}')")
    drawn=$(jq -r '.value[0] // empty' <<<"$answer")
    [ -n "$drawn" ] && break
    if [ "$(now_ms)" -gt "$deadline" ]; then echo "the list was not drawn: $answer" >&2; cat "$log" >&2; exit 1; fi
    sleep 0.05
  done
  rows=$(jq -r '.value[1]' <<<"$answer")
  if [ "$(jq -r '.value[2]' <<<"$answer")" = true ]; then rows=0; fi
  t_ready=$(( $(cat "$ready") / 1000000 ))
  curl -sf -X DELETE "http://127.0.0.1:$port/session/$sid" >/dev/null || true
  kill -- -"$driver" 2>/dev/null || true
  wait "$driver" 2>/dev/null || true
  rm -f "$log" "$ready"
  echo "$(( drawn - t0 )) $(( t_ready - t0 )) $rows"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure "$empty" >/dev/null   # warm-up: the first start of each is cold
measure "$full" >/dev/null
e_runs=(); f_runs=(); ratios=()
for i in $(seq 1 "$ROUNDS"); do
  # Alternate who goes first, so a burst of noise hits both alike.
  if [ $((i % 2)) -eq 1 ]; then e=$(measure "$empty"); f=$(measure "$full")
  else f=$(measure "$full"); e=$(measure "$empty"); fi
  e_runs+=("$e"); f_runs+=("$f")
  ratios+=("$(awk -v f="${f%% *}" -v e="${e%% *}" 'BEGIN{printf "%.3f", f/e}')")
  echo "round $i: empty ${e% *} ms (rows ${e##* }), full ${f% *} ms (rows ${f##* }) [drawn, first IPC]" >&2
done

col() { printf '%s\n' "${@:2}" | cut -d' ' -f"$1" | median; }
e_drawn=$(col 1 "${e_runs[@]}"); f_drawn=$(col 1 "${f_runs[@]}")
e_ready=$(col 2 "${e_runs[@]}"); f_ready=$(col 2 "${f_runs[@]}")
f_rows=$(col 3 "${f_runs[@]}")
ratio=$(printf '%s\n' "${ratios[@]}" | median)
range="$(printf '%s\n' "${ratios[@]}" | sort -n | head -1)–$(printf '%s\n' "${ratios[@]}" | sort -n | tail -1)"
met=$(awk -v r="$ratio" 'BEGIN{print (r <= 1.1 ? "yes" : "no")}')

printf '| measure (median of %s rounds) | %s records | empty | ratio | goal |\n' "$ROUNDS" "$RECORDS"
printf '|---|---|---|---|---|\n'
printf '| start → list drawn (%s rows shown) | %s ms | %s ms | %s (rounds %s) | ≤ 1.1: %s |\n' \
  "$f_rows" "$f_drawn" "$e_drawn" "$ratio" "$range" "$met"
printf '| start → first IPC call | %s ms | %s ms | %s | – |\n' "$f_ready" "$e_ready" \
  "$(awk -v a="$f_ready" -v b="$e_ready" 'BEGIN{printf "%.2f", a/b}')"
