package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.Pcm;
import dev.metastudio.emulator.media.lipsync.LipSync;
import dev.metastudio.emulator.media.lipsync.PhoneTiming;
import dev.metastudio.emulator.media.lipsync.MouthTrack;

import java.nio.file.Path;
import java.util.List;

/**
 * Synthesized speech as a raw {@link Pcm} file plus its subtitle cues and the phones the engine reported (empty when
 * it reports none), all timed from the file's start, and which engine voice spoke ("flite:rms").
 */
public record SpeechTrack(Path pcm, long samples, List<Cue> cues, List<PhoneTiming> phones, String voice) {

    public SpeechTrack {
        cues = List.copyOf(cues);
        phones = List.copyOf(phones);
    }

    public double durationSeconds() {
        return Pcm.seconds(samples);
    }

    /** The mouth per 25 fps frame: shapes from the phones (else from the sound), opening by loudness. */
    public MouthTrack visemes(int frames) throws MediaException {
        return LipSync.visemes(pcm, phones, frames);
    }
}
