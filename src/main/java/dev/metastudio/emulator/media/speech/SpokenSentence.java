package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.lipsync.FrameLoudness;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.lipsync.PhonemeLipSync;
import dev.metastudio.emulator.media.lipsync.Viseme;
import dev.metastudio.emulator.media.lipsync.VisemeAnalyzer;

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

    /** One mouth shape per 25 fps frame: from the phones, or from the sound when the engine reported none. */
    public Viseme[] visemes() {
        int frames = frames();
        if (phones.isEmpty()) {
            return VisemeAnalyzer.analyze(samples, frames);
        }
        return PhonemeLipSync.track(phones, FrameLoudness.of(samples, frames), frames);
    }
}
