#!/usr/bin/env bash
# Speech benchmark of the media engine (not shipped: it lives outside src/): synthesis speed of every engine voice
# (x real time, the machine's cores as they are; run it on an idle machine) and lip-sync quality.
#   bench/speech.sh            (bench/speech.sh lipsync: the lip-sync figures only)
# Last line: speech-bench: festival_slt_x=... festival_kal_x=... flite_rms_x=... flite_awb_x=... freetts_x=...
#            espeak_cmn_x=... espeak_yue_x=... lipsync_match=... lipsync_env_r=... lipsync_painted_r=...
#            audio_match=... audio_env_r=... audio_painted_r=...
#            reference_env_r=...
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
mkdir -p "$out"
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" >/dev/null
CP="$(cat "$out/classpath.txt")"
rm -rf "$out/speech-classes"
javac -nowarn -encoding UTF-8 -d "$out/speech-classes" -cp "$CP" \
    $(find src/main/java/dev/metastudio/emulator/media bench/java/dev/metastudio/emulator/media/speech -name '*.java')
exec java -Xmx512m -cp "$out/speech-classes:$CP" dev.metastudio.emulator.media.speech.SpeechBench "$@"
