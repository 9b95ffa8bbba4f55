package dev.metastudio.emulator.media.lipsync;

import dev.metastudio.emulator.media.MediaException;

import java.nio.file.Path;
import java.util.List;

/**
 * The one choice the renderer makes for a scene's mouth: its shapes from the phones when the speech engine reported
 * them (synthesized text), from the sound itself otherwise (uploaded speech, or an engine without phone timing); its
 * opening, frame by frame, from the shape and the loudness of the sound in either case ({@link JawOpening}).
 */
public final class LipSync {

    private LipSync() {
    }

    /**
     * @param pcm    the scene's speech, 48 kHz mono ({@link dev.metastudio.emulator.media.audio.Pcm})
     * @param phones phones with times from the start of that audio, or null/empty for audio analysis
     */
    public static MouthTrack visemes(Path pcm, List<PhoneTiming> phones, int frames) throws MediaException {
        double[] loudness = FrameLoudness.of(pcm, frames);
        if (phones == null || phones.isEmpty()) {
            return MouthTrack.of(VisemeAnalyzer.analyze(pcm, frames), loudness);
        }
        return MouthTrack.of(PhonemeLipSync.track(phones, frames), loudness);
    }

    /** The same for speech already in memory (48 kHz mono). */
    public static MouthTrack visemes(short[] samples, List<PhoneTiming> phones, int frames) {
        double[] loudness = FrameLoudness.of(samples, frames);
        if (phones == null || phones.isEmpty()) {
            return MouthTrack.of(VisemeAnalyzer.analyze(samples, frames), loudness);
        }
        return MouthTrack.of(PhonemeLipSync.track(phones, frames), loudness);
    }
}
