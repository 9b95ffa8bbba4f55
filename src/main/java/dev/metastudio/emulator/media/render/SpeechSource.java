package dev.metastudio.emulator.media.render;

import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;

import java.nio.file.Path;

/** What a scene says: TEXT (plain text or SSML, synthesized) or AUDIO (an uploaded mp3/m4a/wav, mono extracted). */
public sealed interface SpeechSource {

    record Text(String text, Voice voice, VoiceSettings settings) implements SpeechSource {
    }

    record Audio(Path file) implements SpeechSource {
    }
}
