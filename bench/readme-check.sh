#!/usr/bin/env bash
# Runs README's curl examples as they are written: every ```bash block right after a `<!-- readme-check -->` line,
# each twice (the examples must be re-runnable), in a scratch folder that has the repository's examples/ (as a user
# in the repository's folder would, without leaving downloads there), each in a fresh `bash -e -o pipefail`
# (nothing carries over from one block to the next, and the first failing step fails the block), against a server
# started from the built jar with METASTUDIO_AUTH=off on its own port and an empty data folder.
# Needs curl, jq, openssl. Last line: readme-check: blocks=<n> runs=<n> failed=<n>
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/metastudio-emulator.jar}
[ -f "$JAR" ] || mvn -q -B -Dmaven.test.skip=true package
PORT=${PORT:-18090}
WORK=$(mktemp -d)
OUT="$WORK/out"; mkdir -p "$OUT"
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

# Extract the marked blocks into $WORK/block-<n>.sh.
awk -v dir="$WORK" '
  /^<!-- readme-check -->$/ { marked = 1; next }
  marked && /^```bash$/ { n++; file = dir "/block-" n ".sh"; inside = 1; marked = 0; next }
  inside && /^```$/ { inside = 0; close(file); next }
  inside { print > file; next }
  { marked = 0 }
' README.md
blocks=$(ls "$WORK"/block-*.sh 2>/dev/null | wc -l)
[ "$blocks" -gt 0 ] || { echo "readme-check: no marked blocks in README.md" >&2; exit 1; }

METASTUDIO_AUTH=off java -jar "$JAR" --server.port="$PORT" --metastudio.data-dir="$WORK/data" >"$WORK/server.log" 2>&1 &
PID=$!
until curl -fs "http://127.0.0.1:$PORT/_emulator/health" >/dev/null 2>&1; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.2
done

RUNDIR="$WORK/run"; mkdir -p "$RUNDIR"; ln -s "$PWD/examples" "$RUNDIR/examples"
runs=0; failed=0
for n in $(seq 1 "$blocks"); do
  for attempt in 1 2; do
    runs=$((runs + 1))
    if (cd "$RUNDIR" && EMULATOR="http://127.0.0.1:$PORT" timeout 300 bash -e -o pipefail "$WORK/block-$n.sh") \
        >"$OUT/$n-$attempt.log" 2>&1; then
      echo "block $n run $attempt: ok ($(head -c 300 "$OUT/$n-$attempt.log" | tr '\n' ' ' | cut -c1-120)...)"
    else
      failed=$((failed + 1))
      echo "block $n run $attempt: FAILED"; sed 's/^/    /' "$OUT/$n-$attempt.log"
    fi
  done
done
echo "readme-check: blocks=$blocks runs=$runs failed=$failed"
[ "$failed" -eq 0 ]
