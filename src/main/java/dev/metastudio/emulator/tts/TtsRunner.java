package dev.metastudio.emulator.tts;

import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.VoiceBindings;
import dev.metastudio.emulator.composition.VoiceParameters;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.MediaSettings;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.work.WorkContext;
import dev.metastudio.emulator.work.WorkFailure;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkRunner;
import java.time.Clock;
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
class TtsRunner implements WorkRunner {
    private final TtsJobRepository jobs;
    private final Clock clock;
    private final AssetLookup assets;
    private final ObjectStore store;
    private final MediaSettings media;
    private final Path scratch;

    TtsRunner(TtsJobRepository jobs, Clock clock, AssetLookup assets, ObjectStore store, MediaSettings media,
              EmulatorProperties properties) {
        this.jobs = jobs;
        this.clock = clock;
        this.assets = assets;
        this.store = store;
        this.media = media;
        this.scratch = properties.dataDir().resolve("tmp").resolve("tts");
    }

    @Override
    public void run(WorkItem item, WorkContext context) throws WorkFailure {
        String jobId = item.subjectId();
        if (!context.transition(TtsJobState.PROCESSING.name(),
                () -> jobs.lock(jobId).map(job -> job.start(clock.instant())).orElse(false))) {
            return;
        }
        TtsRequests.Audition request = JsonColumns.read(jobs.findById(jobId).orElseThrow().getRequest(),
                TtsRequests.Audition.class);
        var voice = assets.findVisible(item.projectId(), request.emotion())
                .map(VoiceBindings::voiceOf)
                .orElseThrow(() -> new WorkFailure(ErrorCodes.TIMBRE_UNAVAILABLE, "Timbre ID unavailable: " + request.emotion()));
        VoiceSettings settings = VoiceParameters.settings(request.speed(), request.pitch(), request.volume());
        Path out = null;
        try {
            Files.createDirectories(scratch);
            out = Files.createTempFile(scratch, jobId, ".mp3");
            SpeechRenderer.Result result = new SpeechRenderer(media.espeak(), scratch)
                    .render(request.text(), voice, settings, SpeechRenderer.Format.MP3, out, context::stopRequested);
            String key = "projects/" + item.projectId() + "/tts/" + jobId + ".mp3";
            store.put(key, out, "audio/mpeg");
            String stored = JsonColumns.write(new TtsRequests.Result(List.of(key), result.durationSeconds()));
            if (!context.transition(TtsJobState.SUCCEED.name(), () -> jobs.lock(jobId)
                    .map(job -> job.succeed(stored, result.durationSeconds(), clock.instant())).orElse(false))) {
                // Nothing refers to a preview whose job did not record it.
                store.delete(key);
            }
        } catch (MediaException e) {
            // Speech itself failing is "TTS failed" (MSS.20050034); encoding or storing the file is L16717's
            // "Generate the preview audio failed" (MSS.20050012), not the generic code.
            boolean speech = e.reason() == MediaException.Reason.TTS_UNAVAILABLE
                    || e.reason() == MediaException.Reason.TTS_FAILED || e.reason() == MediaException.Reason.BAD_SSML
                    || e.reason() == MediaException.Reason.INVALID_INPUT;
            throw speech ? new WorkFailure(TtsCodes.TTS_FAILED, "TTS failed: " + e.getMessage(), e)
                    : new WorkFailure(TtsCodes.PREVIEW_AUDIO_FAILED, "Generate the preview audio failed: "
                            + e.getMessage(), e);
        } catch (IOException e) {
            throw new WorkFailure(TtsCodes.PREVIEW_AUDIO_FAILED, "Generate the preview audio failed: "
                    + e.getMessage(), e);
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
