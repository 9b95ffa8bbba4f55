#!/usr/bin/env bash
# Video job throughput and latency on the embedded defaults (H2, filesystem, workers = cores), through the API.
# Usage: bench/jobs.sh [burst size, default 20]
# Last line: jobs-bench: jobs_per_min=<n> median_latency_ratio=<submit->SUCCEED / video duration, empty queue>
#            burst_median_ratio=<the same for the burst>
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/metastudio-emulator.jar ] || mvn -q -B -DskipTests package
PORT=${PORT:-18081}
DATA=$(mktemp -d)
java -jar target/metastudio-emulator.jar --server.port="$PORT" --metastudio.data-dir="$DATA" --metastudio.auth=off \
  >"$DATA/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { cat "$DATA/server.log"; exit 1; }
  sleep 0.2
done
java bench/jobs/JobsBench.java "http://127.0.0.1:$PORT" "${1:-20}"
