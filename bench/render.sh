#!/usr/bin/env bash
# Render benchmark of the media engine (not shipped: it lives outside src/).
#   bench/render.sh          720p H.264, 1080p VP8, then 1080p H.264 (last line), each against encode-only
#   bench/render.sh --long   also renders 20 s and 10 min at 1080p and prints the heap both needed
#   bench/render.sh --quick  only the last line (1080p H.264)
# The media library has no dependency on the rest of the product, so only it and the bench are compiled here
# (into target/bench), which keeps the bench independent of work in progress elsewhere in the tree.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
mkdir -p "$out"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
CP="$(cat "$out/classpath.txt")"
rm -rf "$out/classes"
javac -nowarn -encoding UTF-8 -d "$out/classes" -cp "$CP" \
    $(find src/main/java/dev/metastudio/emulator/media bench/java -name '*.java')
# A fixed heap for every run. --long renders 20 s and 10 min in one deliberately small heap: finishing at all shows
# that memory does not grow with the video's length.
heap=1g
for arg in "$@"; do [ "$arg" = --long ] && heap=256m; done
# Encode-only holds all frames of a scene in direct memory (1.5 GB at 1080p), beyond JavaCPP's default guard.
exec java -Xms"$heap" -Xmx"$heap" -XX:MaxDirectMemorySize=2g -Dorg.bytedeco.javacpp.maxPhysicalBytes=0 \
    -XX:+UseG1GC -cp "$out/classes:$CP" \
    dev.metastudio.emulator.media.render.RenderBench "$@"
