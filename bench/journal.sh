#!/usr/bin/env bash
# The request journal's cost: signed GETs per second (AK/SK signatures as the SDK makes them) against two emulators
# started side by side, one with the journal on (METASTUDIO_JOURNAL=on, the default) and one with it off, measured in
# alternating rounds. Two paths: ListAssets (a JSON answer from the database, recorded with its body) and the IAM
# project query (almost no work besides the edge, so the journal's share is the largest it can be).
# Usage: bench/journal.sh [seconds per round, default 10] [rounds, default 7] [concurrent clients, default 4]
# Last lines: journal-bench: path=... on_rps=<n> off_rps=<n> loss_pct=<n> ...
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/metastudio-emulator.jar ] || mvn -q -B -DskipTests package
PORT_ON=${PORT_ON:-18091}
PORT_OFF=${PORT_OFF:-18092}
SECONDS_PER_ROUND=${1:-10}
ROUNDS=${2:-7}
CLIENTS=${3:-4}
AK=BENCHJOURNALAK000001
SK=benchJournalSecretKey0000000000000000001
PROJECT=b3c4000000000000000000000000000f
pids=()
dirs=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "${dirs[@]}"; }
trap cleanup EXIT

start() { # $1 port, $2 journal setting
  local data
  data=$(mktemp -d)
  dirs+=("$data")
  java -Xmx1g -jar target/metastudio-emulator.jar --server.port="$1" --metastudio.data-dir="$data" \
    --metastudio.credentials="$AK:$SK:$PROJECT" --metastudio.journal="$2" \
    --logging.level.metastudio.access=WARN >"$data/server.log" 2>&1 &
  pids+=($!)
  until curl -fs "http://127.0.0.1:$1/_emulator/health" >/dev/null 2>&1; do
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$data/server.log" >&2; exit 1; }
    sleep 0.3
  done
}

start "$PORT_ON" on
start "$PORT_OFF" off
for path in "/v1/$PROJECT/digital-assets?limit=10" "/v3/projects"; do
  java bench/journal/JournalBench.java "http://127.0.0.1:$PORT_ON" "http://127.0.0.1:$PORT_OFF" "$path" "$AK" "$SK" \
    "$SECONDS_PER_ROUND" "$ROUNDS" "$CLIENTS"
done
entries=$(curl -fs "http://127.0.0.1:$PORT_ON/_emulator/requests?limit=1" | head -c 300)
echo "journal-bench: newest entry on the journalled node: $entries..."
