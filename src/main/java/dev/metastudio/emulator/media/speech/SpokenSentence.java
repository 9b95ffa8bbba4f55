package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.lipsync.LipSync;
import dev.metastudio.emulator.media.lipsync.MouthTrack;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.lipsync.Viseme;

import java.util.List;

/**
 * One sentence, spoken: 48 kHz mono samples ({@link Pcm}), its subtitle cues and its phones, all timed from the
 * sentence's first sample. A live stream plays these one after another; a video concatenates them.
 */
public record SpokenSentence(short[] samples, List<Cue> cues, List<PhoneTiming> phones) {

    public SpokenSentence {
        cues = List.copyOf(cues);
        phones = List.copyOf(phones);
    }

    public int frames() {
        return (samples.length + Pcm.SAMPLES_PER_FRAME - 1) / Pcm.SAMPLES_PER_FRAME;
    }

    /** The mouth per 25 fps frame: shapes from the phones (else from the sound), opening by loudness. */
    public MouthTrack mouth() {
        return LipSync.visemes(samples, phones, frames());
    }

    /** The mouth's shapes alone, one per 25 fps frame (see {@link #mouth()} for how far each opens). */
    public Viseme[] visemes() {
        return mouth().shapes();
    }
}
