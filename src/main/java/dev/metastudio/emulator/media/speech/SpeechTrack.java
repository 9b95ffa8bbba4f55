package dev.metastudio.emulator.media.speech;

import java.nio.file.Path;
import java.util.List;

/** Synthesized speech as a raw {@link dev.metastudio.emulator.media.audio.Pcm} file plus its subtitle cues. */
public record SpeechTrack(Path pcm, long samples, List<Cue> cues) {

    public SpeechTrack {
        cues = List.copyOf(cues);
    }

    public double durationSeconds() {
        return dev.metastudio.emulator.media.audio.Pcm.seconds(samples);
    }
}
