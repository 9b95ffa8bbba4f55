#!/usr/bin/env bash
# Time from `java -jar` to the first 200 of /_emulator/health, on the embedded defaults (H2 file, filesystem).
# Runs: a first start on an empty data folder (migrations and the system library's seeding included), then three warm
# restarts on the same folder. For each it also reads the process's CPU time at that moment (user + system, all
# threads): on a machine shared with other builds the wall time mostly measures the neighbours, the CPU time less so.
# Last line: startup-bench: first_ms=<ms> warm_median_ms=<ms> first_cpu_ms=<ms> warm_cpu_median_ms=<ms>
#   seed_first_ms=<ms> seed_warm_ms=<ms> seed_first_cpu_ms=<ms> seed_warm_cpu_ms=<ms> (seeding CPU: builds that log it)
set -euo pipefail
cd "$(dirname "$0")/.."
# MODE=cds (default): README's run command, the unpacked jar with its class-data-sharing archive (built by package);
# MODE=jar: the plain executable jar (JAR=... compares another build).
MODE=${MODE:-cds}
JAR=${JAR:-target/metastudio-emulator.jar}
[ -f "$JAR" ] && [ -f target/cds/metastudio-emulator.jsa ] || mvn -q -B -Dmaven.test.skip=true package
if [ "$MODE" = cds ]; then
  LAUNCH=(-XX:VMOptionsFile=jvm.options -XX:SharedArchiveFile=target/cds/metastudio-emulator.jsa -jar target/cds/metastudio-emulator.jar)
else
  LAUNCH=(-jar "$JAR")
fi
PORT=${PORT:-18080}
WORK=$(mktemp -d)
DATA="$WORK/data"          # empty at the first start: nothing but what the server creates goes in here
LOGS="$WORK/logs"
mkdir -p "$LOGS"
trap 'rm -rf "$WORK"' EXIT
TICKS=$(getconf CLK_TCK)
RUN=0

# One start: sets WALL and CPU (ms); the log goes to $LOGS/run-<n>.log.
start_once() {
  local started now pid log
  RUN=$((RUN + 1))
  log="$LOGS/run-$RUN.log"
  started=$(date +%s%N)
  java "${LAUNCH[@]}" --server.port="$PORT" --metastudio.data-dir="$DATA" >"$log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.05
  done
  now=$(date +%s%N)
  # Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (the name field has no spaces: java).
  CPU=$(awk -v t="$TICKS" '{printf "%d", ($14 + $15) * 1000 / t}' "/proc/$pid/stat")
  WALL=$(( (now - started) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

seed_ms() { sed -n 's/.*System library ready:.* in \([0-9]*\) ms.*/\1/p' "$LOGS/run-$1.log" | tail -1; }
seed_cpu_ms() { sed -n 's/.*System library ready:.* (\([0-9]*\) ms CPU).*/\1/p' "$LOGS/run-$1.log" | tail -1; }

[ -z "$(ls -A "$DATA" 2>/dev/null)" ] || { echo "data folder not empty" >&2; exit 1; }
start_once; first=$WALL; first_cpu=$CPU
warm=(); warm_cpu=()
for _ in 1 2 3; do
  start_once; warm+=("$WALL"); warm_cpu+=("$CPU")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
echo "startup-bench: mode=$MODE first_ms=$first warm_median_ms=$(median "${warm[@]}") first_cpu_ms=$first_cpu" \
  "warm_cpu_median_ms=$(median "${warm_cpu[@]}") seed_first_ms=$(seed_ms 1) seed_warm_ms=$(seed_ms 2)" \
  "seed_first_cpu_ms=$(seed_cpu_ms 1) seed_warm_cpu_ms=$(seed_cpu_ms 2)"
