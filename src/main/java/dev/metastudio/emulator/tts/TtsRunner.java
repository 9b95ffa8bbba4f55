package dev.metastudio.emulator.tts;

import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.VoiceBindings;
import dev.metastudio.emulator.composition.VoiceParameters;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.MediaSettings;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.job.JobContext;
import dev.metastudio.emulator.job.JobEntity;
import dev.metastudio.emulator.job.JobFailure;
import dev.metastudio.emulator.job.JobKind;
import dev.metastudio.emulator.job.JobRunner;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.speech.SpeechRenderer;
import dev.metastudio.emulator.media.speech.VoiceSettings;
import dev.metastudio.emulator.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** Synthesises a preview as MP3 with the timbre's voice and stores it for the audition-file API. */
@Component
class TtsRunner implements JobRunner {
    static final String TTS_FAILED = "MSS.20050034";

    private final AssetLookup assets;
    private final ObjectStore store;
    private final MediaSettings media;
    private final Path scratch;

    TtsRunner(AssetLookup assets, ObjectStore store, MediaSettings media, EmulatorProperties properties) {
        this.assets = assets;
        this.store = store;
        this.media = media;
        this.scratch = properties.dataDir().resolve("tmp").resolve("tts");
    }

    @Override
    public JobKind kind() {
        return JobKind.TTS_AUDITION;
    }

    @Override
    public Outcome run(JobEntity job, JobContext context) throws JobFailure {
        TtsRequests.Audition request = TtsService.read(job.getRequest(), TtsRequests.Audition.class);
        var voice = assets.findVisible(job.getProjectId(), request.emotion())
                .map(VoiceBindings::voiceOf)
                .orElseThrow(() -> new JobFailure(ErrorCodes.TIMBRE_UNAVAILABLE, "Timbre ID unavailable: " + request.emotion()));
        VoiceSettings settings = VoiceParameters.settings(request.speed(), request.pitch(), request.volume());
        Path out = null;
        try {
            Files.createDirectories(scratch);
            out = Files.createTempFile(scratch, job.getJobId(), ".mp3");
            SpeechRenderer.Result result = new SpeechRenderer(media.espeak(), scratch)
                    .render(request.text(), voice, settings, SpeechRenderer.Format.MP3, out, context::stopRequested);
            String key = "projects/" + job.getProjectId() + "/tts/" + job.getJobId() + ".mp3";
            store.put(key, out, "audio/mpeg");
            String stored = TtsService.write(new TtsRequests.Result(List.of(key), result.durationSeconds()));
            return new Outcome() {
                @Override
                public void commit(JobEntity locked) {
                    locked.setResult(stored);
                    locked.setDuration(result.durationSeconds());
                }

                @Override
                public void discard() {
                    try {
                        store.delete(key);
                    } catch (IOException ignored) {
                        // Nothing refers to a discarded preview.
                    }
                }
            };
        } catch (MediaException e) {
            throw new JobFailure(TTS_FAILED, "TTS failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new JobFailure(TTS_FAILED, "TTS failed: " + e.getMessage(), e);
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
}
