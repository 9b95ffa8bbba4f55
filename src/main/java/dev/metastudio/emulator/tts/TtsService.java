package dev.metastudio.emulator.tts;

import dev.metastudio.emulator.asset.AssetReferences;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.composition.VoiceConfig;
import dev.metastudio.emulator.composition.VoiceParameters;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.work.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** TTS preview: an asynchronous job that turns text into an audio file with the timbre's voice. */
@Service
public class TtsService {
    /** The work kind of TTS previews. */
    public static final String KIND = "TTS";
    /** The reference: preview download URLs are valid for one hour. */
    static final Duration DOWNLOAD_VALIDITY = Duration.ofHours(1);
    static final int MAX_TEXT = 10_000;
    static final int MAX_ONGOING = 20;

    private final WorkQueue queue;
    private final TtsJobRepository jobs;
    private final AssetReferences references;
    private final ObjectStore store;
    private final Clock clock;

    TtsService(WorkQueue queue, TtsJobRepository jobs, AssetReferences references, ObjectStore store, Clock clock) {
        this.queue = queue;
        this.jobs = jobs;
        this.references = references;
        this.store = store;
        this.clock = clock;
    }

    @Transactional
    public TtsRequests.Created create(String projectId, String appUserId, TtsRequests.Audition body) {
        Check.required(body, "request body");
        Check.length(Check.requiredText(body.text(), "text"), 1, MAX_TEXT, "text");
        String timbre = Check.requiredText(body.emotion(), "emotion");
        references.usable(projectId, timbre, "emotion", (field, problem) -> new ApiException(400, ErrorCodes.TIMBRE_UNAVAILABLE,
                "Timbre ID unavailable. Check the timbre ID: " + problem), AssetType.VOICE_MODEL);
        VoiceParameters.check(body.speed(), body.pitch(), body.volume(), "");
        long ongoing = jobs.countByProjectIdAndStateInAndPurposeIsNull(projectId,
                List.of(TtsJobState.WAITING, TtsJobState.PROCESSING));
        if (ongoing >= MAX_ONGOING) {
            throw new ApiException(400, TtsCodes.TOO_MANY_PREVIEWS, "Too many ongoing preview tasks: " + ongoing);
        }
        TtsJobEntity job = jobs.save(new TtsJobEntity(UUID.randomUUID().toString(), projectId, appUserId,
                JsonColumns.write(body), clock.instant()));
        queue.submit(KIND, projectId, job.getJobId(), "cpu");
        return new TtsRequests.Created(job.getJobId());
    }

    /**
     * A preview of one script scene (preview_info.audio_file_download_url, L4465): the same work as an audition, on
     * the script's already validated timbre; it does not count against the tenant's limit of ongoing auditions.
     * Returns the job id.
     */
    @Transactional
    public String submitScenePreview(String projectId, String text, VoiceConfig voice) {
        TtsRequests.Audition request = new TtsRequests.Audition(text, null, voice.voiceAssetId(), voice.speed(),
                voice.pitch(), voice.volume(), null, null, null, null);
        TtsJobEntity job = jobs.save(new TtsJobEntity(UUID.randomUUID().toString(), projectId, null,
                JsonColumns.write(request), clock.instant()).forPurpose(TtsJobEntity.SCRIPT_PREVIEW));
        queue.submit(KIND, projectId, job.getJobId(), "cpu");
        return job.getJobId();
    }

    /** The download URL of a scene preview's audio once its job has succeeded; empty before, or if it failed. */
    @Transactional(readOnly = true)
    public Optional<String> scenePreviewUrl(String projectId, String jobId, String baseUrl) {
        return jobs.findByJobIdAndProjectId(jobId, projectId).filter(job -> job.getState() == TtsJobState.SUCCEED)
                .flatMap(job -> JsonColumns.read(job.getResult(), TtsRequests.Result.class).keys().stream().findFirst())
                .map(key -> store.downloadUrl(key, DOWNLOAD_VALIDITY, null, baseUrl));
    }

    /** Not complete while waiting or running; complete with files on success, or with the reason on failure. */
    @Transactional(readOnly = true)
    public TtsRequests.AuditionFiles files(String projectId, String jobId, String baseUrl) {
        TtsJobEntity job = jobs.findByJobIdAndProjectId(jobId, projectId)
                .orElseThrow(() -> new ApiException(400, TtsCodes.UNKNOWN_TASK, "Obtain task information failed due to"
                        + " invalid task ID or project ID: " + jobId));
        return switch (job.getState()) {
            case SUCCEED -> new TtsRequests.AuditionFiles(true, null, JsonColumns.read(job.getResult(),
                    TtsRequests.Result.class).keys().stream().map(key -> new TtsRequests.AuditionFile(
                            store.downloadUrl(key, DOWNLOAD_VALIDITY, null, baseUrl))).toList());
            case FAILED -> new TtsRequests.AuditionFiles(true, job.getErrorCode() + ": " + job.getErrorMsg(), List.of());
            default -> new TtsRequests.AuditionFiles(false, null, List.of());
        };
    }
}
