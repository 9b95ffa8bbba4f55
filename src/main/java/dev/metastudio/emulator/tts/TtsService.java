package dev.metastudio.emulator.tts;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.metastudio.emulator.asset.AssetReferences;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.composition.VoiceParameters;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.job.JobEntity;
import dev.metastudio.emulator.job.JobKind;
import dev.metastudio.emulator.job.JobQueue;
import dev.metastudio.emulator.job.JobRepository;
import dev.metastudio.emulator.job.JobState;
import dev.metastudio.emulator.storage.ObjectStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** TTS preview: an asynchronous job that turns text into an audio file with the timbre's voice. */
@Service
public class TtsService {
    /** The reference: preview download URLs are valid for one hour. */
    static final Duration DOWNLOAD_VALIDITY = Duration.ofHours(1);
    static final int MAX_TEXT = 10_000;
    static final int MAX_ONGOING = 20;
    static final String UNKNOWN_TASK = "MSS.20050013";
    static final String TOO_MANY_PREVIEWS = "MSS.60010010";

    private final JobQueue queue;
    private final JobRepository jobs;
    private final AssetReferences references;
    private final ObjectStore store;

    TtsService(JobQueue queue, JobRepository jobs, AssetReferences references, ObjectStore store) {
        this.queue = queue;
        this.jobs = jobs;
        this.references = references;
        this.store = store;
    }

    @Transactional
    public TtsRequests.Created create(String projectId, String appUserId, TtsRequests.Audition body) {
        Check.required(body, "request body");
        Check.length(Check.requiredText(body.text(), "text"), 1, MAX_TEXT, "text");
        String timbre = Check.requiredText(body.emotion(), "emotion");
        references.usable(projectId, timbre, "emotion", (field, problem) -> new ApiException(400, ErrorCodes.TIMBRE_UNAVAILABLE,
                "Timbre ID unavailable. Check the timbre ID: " + problem), AssetType.VOICE_MODEL);
        VoiceParameters.check(body.speed(), body.pitch(), body.volume(), "");
        long ongoing = jobs.countByProjectIdAndKindAndState(projectId, JobKind.TTS_AUDITION, JobState.WAITING)
                + jobs.countByProjectIdAndKindAndState(projectId, JobKind.TTS_AUDITION, JobState.PROCESSING);
        if (ongoing >= MAX_ONGOING) {
            throw new ApiException(400, TOO_MANY_PREVIEWS, "Too many ongoing preview tasks: " + ongoing);
        }
        JobEntity job = new JobEntity();
        job.setJobId(UUID.randomUUID().toString());
        job.setProjectId(projectId);
        job.setKind(JobKind.TTS_AUDITION);
        job.setAppUserId(appUserId);
        job.setRequest(write(body));
        queue.submit(job);
        return new TtsRequests.Created(job.getJobId());
    }

    /** Not complete while waiting or running; complete with files on success, or with the reason on failure. */
    @Transactional(readOnly = true)
    public TtsRequests.AuditionFiles files(String projectId, String jobId, String baseUrl) {
        JobEntity job = jobs.findByJobIdAndProjectIdAndKind(jobId, projectId, JobKind.TTS_AUDITION)
                .orElseThrow(() -> new ApiException(400, UNKNOWN_TASK, "Obtain task information failed due to invalid"
                        + " task ID or project ID: " + jobId));
        return switch (job.getState()) {
            case SUCCEED -> new TtsRequests.AuditionFiles(true, null, read(job.getResult(), TtsRequests.Result.class)
                    .keys().stream().map(key -> new TtsRequests.AuditionFile(
                            store.downloadUrl(key, DOWNLOAD_VALIDITY, null, baseUrl))).toList());
            case FAILED, CANCELED, BLOCK -> new TtsRequests.AuditionFiles(true,
                    job.getErrorCode() + ": " + job.getErrorMsg(), List.of());
            default -> new TtsRequests.AuditionFiles(false, null, List.of());
        };
    }

    static String write(Object value) {
        try {
            return JsonColumns.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JsonColumns.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable TTS job document", e);
        }
    }
}
