package dev.metastudio.emulator.media.lipsync;

import dev.metastudio.emulator.media.MediaException;

import java.nio.file.Path;
import java.util.List;

/**
 * The one choice the renderer makes for a scene's mouth: from the phones when the speech engine reported them
 * (synthesized text), from the sound itself otherwise (uploaded speech, or an engine without phone timing).
 */
public final class LipSync {

    private LipSync() {
    }

    /**
     * @param pcm    the scene's speech, 48 kHz mono ({@link dev.metastudio.emulator.media.audio.Pcm})
     * @param phones phones with times from the start of that audio, or null/empty for audio analysis
     */
    public static Viseme[] visemes(Path pcm, List<PhoneTiming> phones, int frames) throws MediaException {
        if (phones == null || phones.isEmpty()) {
            return VisemeAnalyzer.analyze(pcm, frames);
        }
        return PhonemeLipSync.track(phones, FrameLoudness.of(pcm, frames), frames);
    }
}
