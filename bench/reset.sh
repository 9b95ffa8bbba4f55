#!/usr/bin/env bash
# How long POST /_emulator/reset takes for a project with 1,000 assets (each with an uploaded, stored PNG) and 100
# finished jobs (TTS previews, each with its stored MP3), on the embedded H2 (or the database SPRING_DATASOURCE_URL
# names). The reset removes the rows in one transaction and the stored objects after it commits, before answering.
# Usage: bench/reset.sh [assets, default 1000] [jobs, default 100]
# Last line: reset-bench: ms=<n> assets=<n> jobs=<n> removed={...}
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/metastudio-emulator.jar ] || mvn -q -B -DskipTests package
PORT=${PORT:-18083}
data=$(mktemp -d)
java -jar target/metastudio-emulator.jar --server.port="$PORT" --metastudio.data-dir="$data" \
  --metastudio.auth=off >"$data/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
until curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
  sleep 0.2
done
line=$(java bench/reset/ResetBench.java "http://127.0.0.1:$PORT" "${1:-1000}" "${2:-100}")
left=$(find "$data" -path '*projects/e9993fc787d94b6c886cbaa340f9c0f4/*' -type f | wc -l)
echo "reset-bench: ${line#reset: } objects_left=$left"
