#!/usr/bin/env bash
# The cost of durable commits on the embedded H2: asset creations per second through the API with the default
# synchronous commits (metastudio.h2-sync-commits=true: each commit is written to the database file before it is
# acknowledged, so it survives kill -9) against H2's own behaviour (false: written up to 500 ms later, lost on
# kill -9). Also the database file size after each run (H2's housekeeping must keep up).
# Usage: bench/writes.sh [seconds per run, default 20] [concurrent clients, default 4]
# Last line: writes-bench: sync_creates_per_s=<n> delayed_creates_per_s=<n> cost_pct=<n>
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/metastudio-emulator.jar ] || mvn -q -B -DskipTests package
PORT=${PORT:-18082}
SECONDS_PER_RUN=${1:-20}
CLIENTS=${2:-4}

run() { # $1 = true|false for metastudio.h2-sync-commits; prints the creates_per_s figure
  local data pid line
  data=$(mktemp -d)
  java -jar target/metastudio-emulator.jar --server.port="$PORT" --metastudio.data-dir="$data" \
    --metastudio.auth=off --metastudio.h2-sync-commits="$1" >"$data/server.log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
    sleep 0.2
  done
  line=$(java bench/writes/WritesBench.java "http://127.0.0.1:$PORT" "$SECONDS_PER_RUN" "$CLIENTS")
  echo "$line h2_sync_commits=$1 db_mb=$(du -sm "$data/db" | cut -f1)" >&2
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "$line" | sed 's/.*creates_per_s=\([0-9.]*\).*/\1/'
}

sync=$(run true)
delayed=$(run false)
cost=$(awk -v s="$sync" -v d="$delayed" 'BEGIN { printf "%.1f", (d - s) / d * 100 }')
echo "writes-bench: sync_creates_per_s=$sync delayed_creates_per_s=$delayed cost_pct=$cost"
