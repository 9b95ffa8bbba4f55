#!/usr/bin/env bash
# Live-stream demo of the media engine (not shipped: it lives outside src/).
#   bench/live.sh [seconds=60] [width=1280] [height=720]
# A presenter speaks a text for a minute at 25 fps held to the wall clock, encoded once to HLS and pushed over RTMP
# to a real server (the ffmpeg program of the JavaCV jar, in listen mode). Last line:
#   live-bench: frames=… written=… dropped=… drift_frames=… expected=… link=…
# Like bench/render.sh it compiles only the media library and the bench (into target/bench).
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
mkdir -p "$out"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
CP="$(cat "$out/classpath.txt")"
rm -rf "$out/live-classes"
javac -nowarn -encoding UTF-8 -d "$out/live-classes" -cp "$CP" \
    $(find src/main/java/dev/metastudio/emulator/media bench/java -name '*.java')
exec java -Xms512m -Xmx512m -XX:+UseG1GC -cp "$out/live-classes:$CP" \
    dev.metastudio.emulator.media.render.LiveBench "$@"
