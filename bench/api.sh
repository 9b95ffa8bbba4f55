#!/usr/bin/env bash
# The API hot path against a static stub: the built jar on the embedded defaults (H2 in a temporary data folder, a
# known AK/SK and IAM user) and WireMock standalone serving the very same bodies, driven by the same client
# (bench/api/ApiBench.java: each request signed as the SDK signs it, or carrying an IAM token), in alternating
# rounds. Cases: a signed GET of one system presenter, a signed list of 10 system assets with a filter, a signed
# create of an asset, and the GET with an IAM token; with the journal on and off (METASTUDIO_JOURNAL).
# Usage: bench/api.sh [seconds per round, default 8] [rounds, default 2] [clients, default 16] [cases, default all]
#   LOADGEN=wrk|java (default wrk), WARM=<seconds the emulator is warmed per case with wrk, default 30>
# Lines: api-bench: case=... journal=on|off emulator_rps=... wiremock_rps=... ratio=... p99_ms=...
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/cds/metastudio-emulator.jsa ] || mvn -q -B -Dmaven.test.skip=true package
# README's run command by default (the unpacked jar, its class-data archive and jvm.options); JVM_FLAGS replaces
# jvm.options (JVM_FLAGS=-Dspring.aot.enabled=true measures the JIT's default thresholds), JAR= another build.
JVM_FLAGS=${JVM_FLAGS:--XX:VMOptionsFile=jvm.options}
if [ -n "${JAR:-}" ]; then
  LAUNCH=($JVM_FLAGS -jar "$JAR")
else
  LAUNCH=(-XX:SharedArchiveFile=target/cds/metastudio-emulator.jsa $JVM_FLAGS -jar target/cds/metastudio-emulator.jar)
fi
WM_VERSION=3.13.2
WM_JAR=${WM_JAR:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WM_VERSION/wiremock-standalone-$WM_VERSION.jar}
[ -f "$WM_JAR" ] || mvn -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:$WM_VERSION >/dev/null
PORT=${PORT:-18101}
WM_PORT=${WM_PORT:-18102}
SECONDS_PER_ROUND=${1:-8}
ROUNDS=${2:-2}
CLIENTS=${3:-16}
CASES=${4:-}
# wrk (Debian's; one signed request replayed, cheap enough to leave the cores to the servers) or java
# (bench/api/ApiBench.java, which signs every request anew as the SDK does and costs the shared cores more).
LOADGEN=${LOADGEN:-wrk}
WARM=${WARM:-30}
# ACCESS_LOG=off starts the emulator without its access line per request (LOGGING_LEVEL_METASTUDIO_ACCESS=OFF), as
# WireMock runs here without its request log (--disable-request-logging).
ACCESS_LOG=${ACCESS_LOG:-on}
access_level=INFO; [ "$ACCESS_LOG" = on ] || access_level=OFF
# DB=postgres runs the emulator on PostgreSQL (PG_URL, default the local test database; each run its own schema,
# dropped at the end) instead of the embedded H2.
DB=${DB:-h2}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
PG_USER=${PG_USER:-postgres}
[ "$LOADGEN" != wrk ] || command -v wrk >/dev/null || { echo "api-bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
AK=BENCHAPIAK0000000001
SK=benchApiSecretKey00000000000000000000001
PROJECT=b3c4000000000000000000000000aa15
pids=()
dirs=()
schemas=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "${dirs[@]}"
  [ "$DB" != postgres ] || drop_schemas
}
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

# One wrk run: prints "<requests/s> <p50 ms> <p99 ms> <non-2xx>". $1 base url, $2 seconds, then the case's fields.
wrk_once() {
  local base=$1 seconds=$2 method=$3 path=$4 body=$5; shift 5
  local headers=() h out
  for h in "$@"; do headers+=(-H "$h"); done
  out=$(WRK_METHOD=$method WRK_BODY=$body wrk -t2 -c"$CLIENTS" -d"${seconds}s" --latency -s bench/api/wrk-case.lua \
    "${headers[@]}" "$base$path")
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /Non-2xx/ { bad = $NF }
    END { printf "%d %.1f %.1f %d\n", rps, p50, p99, bad + 0 }' <<<"$out"
}

# Every case of $1 (bench/api/ApiBench.java's lines; a body of - is none): the emulator warmed for WARM seconds (a fresh JVM needs tens of
# thousands of requests before its code is compiled), WireMock for 10, then ROUNDS alternating rounds; best round each.
wrk_cases() {
  local name method path body rest e w r be bw fails
  while IFS=$'\t' read -r name method path body rest; do
    IFS=$'\t' read -r -a hs <<<"$rest"
    [ "$body" != - ] || body=""
    wrk_once "http://127.0.0.1:$PORT" "$WARM" "$method" "$path" "$body" "${hs[@]}" >/dev/null
    wrk_once "http://127.0.0.1:$WM_PORT" 10 "$method" "$path" "$body" "${hs[@]}" >/dev/null
    be="0 0 0 0"; bw="0 0 0 0"; e=(); w=(); fails=0
    for ((r = 0; r < ROUNDS; r++)); do
      read -r -a x <<<"$(wrk_once "http://127.0.0.1:$PORT" "$SECONDS_PER_ROUND" "$method" "$path" "$body" "${hs[@]}")"
      e+=("${x[0]}"); fails=$((fails + x[3])); [ "${x[0]}" -gt "${be%% *}" ] && be="${x[*]}"
      read -r -a x <<<"$(wrk_once "http://127.0.0.1:$WM_PORT" "$SECONDS_PER_ROUND" "$method" "$path" "$body" "${hs[@]}")"
      w+=("${x[0]}"); fails=$((fails + x[3])); [ "${x[0]}" -gt "${bw%% *}" ] && bw="${x[*]}"
    done
    read -r -a E <<<"$be"; read -r -a W <<<"$bw"
    echo "api-bench: case=$name db=$DB journal=$2 access_log=$ACCESS_LOG loadgen=wrk emulator_rps=${E[0]} wiremock_rps=${W[0]}" \
      "ratio=$(awk -v a="${E[0]}" -v b="${W[0]}" 'BEGIN { printf "%.2f", b ? a / b : 0 }') p99_ms=${E[2]} p50_ms=${E[1]}" \
      "wiremock_p99_ms=${W[2]} clients=$CLIENTS rounds_emulator=[${e[*]}] rounds_wiremock=[${w[*]}] failed=$fails"
  done <"$1"
}

drop_schemas() {
  for schema in "${schemas[@]}"; do
    PGOPTIONS=--client-min-messages=warning psql -q "postgresql://$PG_USER@${PG_URL#jdbc:postgresql://}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" || true
  done
}

for journal in on off; do
  data=$(mktemp -d); dirs+=("$data")
  db_env=()
  if [ "$DB" = postgres ]; then
    schema="apibench_$(date +%s)_$journal"; schemas+=("$schema")
    db_env=(SPRING_DATASOURCE_URL="$PG_URL?currentSchema=$schema" SPRING_DATASOURCE_USERNAME="$PG_USER"
      SPRING_DATASOURCE_PASSWORD="${PG_PASSWORD:-}")
  fi
  env "${db_env[@]}" METASTUDIO_JOURNAL=$journal LOGGING_LEVEL_METASTUDIO_ACCESS=$access_level java -Xmx1g "${LAUNCH[@]}" --server.port="$PORT" --metastudio.data-dir="$data" \
    --metastudio.credentials="$AK:$SK:$PROJECT" --metastudio.users="benchuser:benchPassw0rd:$PROJECT" \
    >"$data/server.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_for "http://127.0.0.1:$PORT/_emulator/health" "$pid" "$data/server.log"
  token=$(curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/v3/auth/tokens" \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"benchuser\",\"password\":\"benchPassw0rd\",\"domain\":{\"name\":\"benchuser\"}}}},\"scope\":{\"project\":{\"id\":\"$PROJECT\"}}}}" \
    | tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: //p')
  [ -n "$token" ] || { echo "api-bench: no IAM token" >&2; exit 1; }
  args=("http://127.0.0.1:$PORT" "http://127.0.0.1:$WM_PORT" "$AK" "$SK" "$token" "$PROJECT" \
    "$SECONDS_PER_ROUND" "$ROUNDS" "$CLIENTS" "$journal" "$CASES")
  if [ "$LOADGEN" = wrk ]; then
    API_BENCH_WRK_CASES="$data/cases.tsv" java bench/api/ApiBench.java "${args[@]}"
    wrk_cases "$data/cases.tsv" "$journal"
  else
    java bench/api/ApiBench.java "${args[@]}"
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
