#!/usr/bin/env bash
# Time from `java -jar` to the first 200 of /_emulator/health, on the embedded defaults (H2 file, filesystem).
# Runs: a first start on an empty data folder (migrations included), then warm restarts on the same folder.
# Last line: startup-bench: first_ms=<ms> warm_median_ms=<ms>
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/metastudio-emulator.jar ] || mvn -q -B -DskipTests package
PORT=${PORT:-18080}
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT

start_once() {
  local started now
  started=$(date +%s%N)
  java -jar target/metastudio-emulator.jar --server.port="$PORT" --metastudio.data-dir="$DATA" >"$DATA/run.log" 2>&1 &
  local pid=$!
  until curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$DATA/run.log"; exit 1; }
    sleep 0.05
  done
  now=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (now - started) / 1000000 ))
}

first=$(start_once)
warm=()
for _ in 1 2 3; do warm+=("$(start_once)"); done
median=$(printf '%s\n' "${warm[@]}" | sort -n | sed -n 2p)
echo "startup-bench: first_ms=$first warm_median_ms=$median"
