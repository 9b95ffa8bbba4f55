package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;

/** A speech synthesizer that turns one utterance into mono 16-bit samples. */
public interface TtsEngine {

    /** Whether the engine can run on this machine at all. */
    boolean available();

    /**
     * @param voice engine-specific voice name (an espeak-ng voice such as "cmn+f3", or "kevin16")
     * @param rate  speaking-rate factor, 1.0 = about 150 words per minute
     * @param pitch pitch factor, 1.0 = the voice's natural pitch
     */
    Clip synthesize(String text, String voice, double rate, double pitch) throws MediaException;

    record Clip(short[] samples, int sampleRate) {
    }
}
