#!/usr/bin/env bash
# Live jobs benchmark: N concurrent 1080p25 live jobs on one node, through the official SDK, each pushing to its own
# RTMP server (the ffmpeg program of the JavaCV jar in listen mode) and to HLS, with a PLAY_NOW insert every 5 s.
#   bench/live-jobs.sh [streams=3] [seconds=20]
# Needs the tests' PostgreSQL (METASTUDIO_TEST_DATABASE_URL, ...). Last line:
#   live-jobs-bench: streams=… frames=… dropped=… max_drift_frames=… playnow_ms_p95=… rss_mb_per_stream=…
# dropped: pictures skipped to keep up with the clock (the sound never breaks); drift: frames behind the clock;
# playnow: stream time from the command's arrival to its first sound. A live job holds a worker thread while it
# streams, so the node runs with metastudio.workers.count = streams + 1.
set -euo pipefail
cd "$(dirname "$0")/.."
streams="${1:-3}"
seconds="${2:-20}"
mvn -q -o test -Dtest=LiveJobsBench -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false \
    -Dlive.bench.streams="$streams" -Dlive.bench.seconds="$seconds" -DtrimStackTrace=false \
    -Dmetastudio.workers.count="$((streams + 1))" >/dev/null || true
grep -h "live-jobs-bench" target/surefire-reports/dev.metastudio.emulator.live.job.LiveJobsBench-output.txt
