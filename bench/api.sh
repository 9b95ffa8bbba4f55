#!/usr/bin/env bash
# The API hot path against a static stub: the built jar on the embedded defaults (H2 in a temporary data folder, a
# known AK/SK and IAM user) and WireMock standalone serving the very same bodies, driven by the same client
# (bench/api/ApiBench.java: each request signed as the SDK signs it, or carrying an IAM token), in alternating
# rounds. Cases: a signed GET of one system presenter, a signed list of 10 system assets with a filter, a signed
# create of an asset, and the GET with an IAM token; with the journal on and off (METASTUDIO_JOURNAL).
# Usage: bench/api.sh [seconds per round, default 8] [rounds, default 2] [clients, default 16] [cases, default all]
# Lines: api-bench: case=... journal=on|off emulator_rps=... wiremock_rps=... ratio=... p99_ms=...
set -euo pipefail
cd "$(dirname "$0")/.."
ls target/*.jar >/dev/null 2>&1 || mvn -q -o -DskipTests package
JAR=${JAR:-$(ls target/metastudio-emulator*.jar | head -1)}
WM_VERSION=3.13.2
WM_JAR=${WM_JAR:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WM_VERSION/wiremock-standalone-$WM_VERSION.jar}
[ -f "$WM_JAR" ] || mvn -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:$WM_VERSION >/dev/null
PORT=${PORT:-18101}
WM_PORT=${WM_PORT:-18102}
SECONDS_PER_ROUND=${1:-8}
ROUNDS=${2:-2}
CLIENTS=${3:-16}
CASES=${4:-}
AK=BENCHAPIAK0000000001
SK=benchApiSecretKey00000000000000000000001
PROJECT=b3c4000000000000000000000000aa15
pids=()
dirs=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "${dirs[@]}"; }
trap cleanup EXIT

wait_for() { # $1 url, $2 pid, $3 log
  until curl -fs "$1" >/dev/null 2>&1; do
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.3
  done
}

wm_dir=$(mktemp -d); dirs+=("$wm_dir")
java -Xmx512m -jar "$WM_JAR" --port "$WM_PORT" --root-dir "$wm_dir" --disable-request-logging \
  --no-request-journal >"$wm_dir/wiremock.log" 2>&1 &
wm_pid=$!; pids+=("$wm_pid")
wait_for "http://127.0.0.1:$WM_PORT/__admin/health" "$wm_pid" "$wm_dir/wiremock.log"

for journal in on off; do
  data=$(mktemp -d); dirs+=("$data")
  METASTUDIO_JOURNAL=$journal java -Xmx1g -jar "$JAR" --server.port="$PORT" --metastudio.data-dir="$data" \
    --metastudio.credentials="$AK:$SK:$PROJECT" --metastudio.users="benchuser:benchPassw0rd:$PROJECT" \
    >"$data/server.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_for "http://127.0.0.1:$PORT/_emulator/health" "$pid" "$data/server.log"
  token=$(curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/v3/auth/tokens" \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"benchuser\",\"password\":\"benchPassw0rd\",\"domain\":{\"name\":\"benchuser\"}}}},\"scope\":{\"project\":{\"id\":\"$PROJECT\"}}}}" \
    | tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: //p')
  [ -n "$token" ] || { echo "api-bench: no IAM token" >&2; exit 1; }
  java bench/api/ApiBench.java "http://127.0.0.1:$PORT" "http://127.0.0.1:$WM_PORT" "$AK" "$SK" "$token" "$PROJECT" \
    "$SECONDS_PER_ROUND" "$ROUNDS" "$CLIENTS" "$journal" "$CASES"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
