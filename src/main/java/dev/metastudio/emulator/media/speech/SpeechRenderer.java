package dev.metastudio.emulator.media.speech;

import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.MediaException.Reason;
import dev.metastudio.emulator.media.audio.AudioFileEncoder;
import dev.metastudio.emulator.media.audio.WavWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Speech to an audio file, for TTS preview and asynchronous TTS jobs. */
public final class SpeechRenderer {

    public enum Format { WAV, MP3 }

    /** cues are the sentences with their times, as the subtitles of a video would show them. */
    public record Result(Path file, double durationSeconds, List<Cue> cues) {
    }

    private final SpeechSynthesizer synthesizer;
    private final Path tempDir;

    /**
     * @param espeakExecutable path or PATH name of espeak-ng (null: "espeak-ng")
     * @param tempDir          scratch directory (null: the system temp dir)
     */
    public SpeechRenderer(String espeakExecutable, Path tempDir) {
        this(new SpeechSynthesizer(SpeechEngines.onPath(espeakExecutable)), tempDir);
    }

    private SpeechRenderer(SpeechSynthesizer synthesizer, Path tempDir) {
        this.synthesizer = synthesizer;
        this.tempDir = tempDir;
    }

    /** A renderer with the given engines (for example without Festival and Flite, to use the FreeTTS fallback). */
    public static SpeechRenderer with(SpeechEngines engines, Path tempDir) {
        return new SpeechRenderer(new SpeechSynthesizer(engines), tempDir);
    }

    /** Text or SSML (starting with {@code <speak}) to a 48 kHz mono WAV or a 128 kbit/s MP3. */
    public Result render(String textOrSsml, Voice voice, VoiceSettings settings, Format format, Path out,
                         BooleanSupplier cancelled) throws MediaException {
        Path pcm = null;
        try {
            pcm = tempDir == null ? Files.createTempFile("speech-", ".pcm")
                    : Files.createTempFile(Files.createDirectories(tempDir), "speech-", ".pcm");
            SpeechTrack track = synthesizer.synthesize(textOrSsml, voice, settings == null ? VoiceSettings.DEFAULT
                    : settings, pcm, cancelled == null ? () -> false : cancelled);
            switch (format) {
                case WAV -> WavWriter.fromPcm(pcm, out);
                case MP3 -> AudioFileEncoder.mp3(pcm, out, 128);
            }
            return new Result(out, track.durationSeconds(), track.cues());
        } catch (IOException e) {
            throw new MediaException(Reason.INTERNAL, "cannot create scratch file: " + e.getMessage(), e);
        } finally {
            if (pcm != null) {
                try {
                    Files.deleteIfExists(pcm);
                } catch (IOException ignored) {
                    // A leftover scratch file is harmless.
                }
            }
        }
    }
}
