package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;

import java.util.List;

/** A speech synthesizer that turns one utterance into mono 16-bit samples and, where it can, the phones it spoke. */
public interface TtsEngine {

    /** A short name for messages and reports ("festival", "flite", "freetts", "espeak-ng"). */
    String name();

    /** Whether the engine can run on this machine at all. */
    boolean available();

    /** What to install to make {@link #available()} true. */
    String installHint();

    Clip synthesize(SpeechRequest request) throws MediaException;

    /**
     * @param phones       the phones with times from the clip's first sample, empty when the engine reports none
     * @param appliedPitch the part of the requested pitch factor the engine realised itself (1.0: none)
     */
    record Clip(short[] samples, int sampleRate, List<PhoneTiming> phones, double appliedPitch) {

        public Clip {
            phones = List.copyOf(phones);
        }

        public double seconds() {
            return samples.length / (double) sampleRate;
        }
    }
}
