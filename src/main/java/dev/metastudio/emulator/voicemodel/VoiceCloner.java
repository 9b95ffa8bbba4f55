package dev.metastudio.emulator.voicemodel;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.audio.Resampler;
import dev.metastudio.emulator.media.speech.Sex;
import dev.metastudio.emulator.media.speech.SpeakerAnalysis;
import dev.metastudio.emulator.media.speech.SpeechRenderer;
import dev.metastudio.emulator.media.speech.Voice;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The "training": measures the speaker in the accepted recordings (median F0, syllable rate or reading time of the
 * texts, loudness) and tunes the engine voice of the job's language and sex until it speaks the same way. The engine
 * voice reads calibration text (the recordings' own texts when there are some) and is measured with the same
 * analysis; the pitch, rate and gain factors are corrected from the difference, twice, so whatever the engine does
 * with a requested pitch the result lands on the recorded F0. Plain Java; the renderer does the speaking.
 */
final class VoiceCloner {

    /** What was measured and chosen, stored on the job (and shown by the control plane). */
    record Learnt(String language, String sex, double recordedF0, double recordedLoudnessDb,
                  double recordedSyllablesPerSecond, double pitch, double rate, double gain, double voiceF0,
                  double voiceLoudnessDb) {
    }

    static final double MIN_PITCH = 0.5;
    static final double MAX_PITCH = 2.0;
    static final double MIN_RATE = 0.5;
    static final double MAX_RATE = 2.0;
    static final double MIN_GAIN = 0.25;
    static final double MAX_GAIN = 4.0;
    private static final int CALIBRATION_TEXTS = 3;
    private static final int ROUNDS = 2;
    private static final String CN_CALIBRATION = "今天天气很好，我们一起去公园散步，顺便买一些新鲜的水果。";
    private static final String EN_CALIBRATION = "The weather is lovely today, so we will walk in the park and"
            + " buy some fresh fruit on the way home.";

    private final SpeechRenderer renderer;
    private final Path scratch;

    VoiceCloner(SpeechRenderer renderer, Path scratch) {
        this.renderer = renderer;
        this.scratch = scratch;
    }

    Learnt learn(String language, String sex, List<RecordingAudit.Accepted> recordings, BooleanSupplier cancelled)
            throws MediaException {
        int rate = RecordingAudit.ANALYSIS_RATE;
        SpeakerAnalysis.Profile recorded = SpeakerAnalysis.measureAll(
                recordings.stream().map(RecordingAudit.Accepted::samples).toList(), rate);
        List<RecordingAudit.Accepted> texts = recordings.stream().filter(r -> r.text() != null)
                .limit(CALIBRATION_TEXTS).toList();
        String calibration = texts.isEmpty() ? ("EN".equals(language) ? EN_CALIBRATION : CN_CALIBRATION)
                : String.join("EN".equals(language) ? " " : "", texts.stream().map(RecordingAudit.Accepted::text).toList());
        // The time the speaker took to say the calibration text (texts), or their syllable rate (long recording).
        double recordedSpoken = texts.isEmpty() ? 0 : SpeakerAnalysis.measureAll(
                texts.stream().map(RecordingAudit.Accepted::samples).toList(), rate).speechSeconds();
        Voice base = Voice.of(language, "MALE".equals(sex) ? Sex.MALE : Sex.FEMALE);
        double pitch = 1;
        double speed = 1;
        double gain = 1;
        SpeakerAnalysis.Profile spoken = null;
        for (int round = 0; round < ROUNDS; round++) {
            spoken = speak(calibration, base.tuned(pitch, speed, gain), cancelled);
            if (recorded.medianF0() > 0 && spoken.medianF0() > 0) {
                pitch = clamp(pitch * recorded.medianF0() / spoken.medianF0(), MIN_PITCH, MAX_PITCH);
            }
            if (!texts.isEmpty() && recordedSpoken > 0 && spoken.speechSeconds() > 0) {
                speed = clamp(speed * spoken.speechSeconds() / recordedSpoken, MIN_RATE, MAX_RATE);
            } else if (recorded.syllablesPerSecond() > 0 && spoken.syllablesPerSecond() > 0) {
                speed = clamp(speed * recorded.syllablesPerSecond() / spoken.syllablesPerSecond(), MIN_RATE, MAX_RATE);
            }
            gain = clamp(gain * Math.pow(10, (recorded.loudnessDb() - spoken.loudnessDb()) / 20), MIN_GAIN, MAX_GAIN);
        }
        return new Learnt(language, "MALE".equals(sex) ? "MALE" : "FEMALE", recorded.medianF0(),
                recorded.loudnessDb(), recorded.syllablesPerSecond(), pitch, speed, gain, spoken.medianF0(),
                spoken.loudnessDb());
    }

    private SpeakerAnalysis.Profile speak(String text, Voice voice, BooleanSupplier cancelled) throws MediaException {
        Path out = null;
        try {
            Files.createDirectories(scratch);
            out = Files.createTempFile(scratch, "calibration-", ".wav");
            renderer.render(text, voice, VoiceSettings.DEFAULT, SpeechRenderer.Format.WAV, out, cancelled);
            byte[] bytes = Files.readAllBytes(out);
            WavFile wav = WavFile.parse(bytes);
            short[] samples = Resampler.resample(wav.mono(bytes), wav.sampleRate(), RecordingAudit.ANALYSIS_RATE);
            return SpeakerAnalysis.measure(samples, RecordingAudit.ANALYSIS_RATE);
        } catch (IOException | WavFile.NotWav e) {
            throw new MediaException(MediaException.Reason.INTERNAL, "calibration speech unreadable: " + e.getMessage(), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // Scratch space.
                }
            }
        }
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
