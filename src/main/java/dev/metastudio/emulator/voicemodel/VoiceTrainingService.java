package dev.metastudio.emulator.voicemodel;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.Paging;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.storage.DeleteAfterCommit;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.storage.StorageProperties;
import dev.metastudio.emulator.work.WorkQueue;
import jakarta.persistence.criteria.Predicate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Voice Modeling Task Management (reference 9.1-9.12). */
@Service
class VoiceTrainingService {
    /** The work kind of voice training jobs. */
    static final String KIND = "VOICE_TRAINING";
    static final List<String> TAGS = List.of("ECOMMERCE", "NEWS", "MARKETING");
    static final List<String> SEXES = List.of("FEMALE", "MALE");
    static final List<String> LANGUAGES = List.of("CN", "EN");
    static final List<String> CREATE_TYPES = List.of("PACKAGE", "SEGMENT");
    /** The tenant's jobs under review or in training at once (MSS.20020008 beyond). */
    static final int MAX_ONGOING = 10;
    static final long MAX_PACKAGE_BYTES = 2L << 30;
    static final long MAX_RECORDING_BYTES = 512L << 20;
    static final long MAX_TEXT_BYTES = 64L << 10;
    static final long MAX_LETTER_BYTES = 20L << 20;

    private final VoiceJobRepository jobs;
    private final WorkQueue queue;
    private final ObjectStore store;
    private final StorageProperties storage;
    private final TrainingData data;
    private final Clock clock;

    VoiceTrainingService(VoiceJobRepository jobs, WorkQueue queue, ObjectStore store, StorageProperties storage,
                         TrainingData data, Clock clock) {
        this.jobs = jobs;
        this.queue = queue;
        this.store = store;
        this.storage = storage;
        this.data = data;
        this.clock = clock;
    }

    // ---- 9.1-9.3

    @Transactional
    public VoiceViews.Created create(String projectId, String appUserId, JobType type, VoiceViews.Create body,
                                     String baseUrl) {
        Check.required(body, "request body");
        String name = Check.length(Check.requiredText(body.voiceName(), "voice_name"), 1, 256, "voice_name");
        VoiceJobEntity job = new VoiceJobEntity(UUID.randomUUID().toString(), projectId, type, clock.instant());
        job.voiceName = name;
        job.tag = body.tag() == null ? null : Check.oneOf(body.tag(), TAGS, "tag");
        job.description = body.description() == null ? null : Check.length(body.description(), 0, 4096, "description");
        job.sex = body.sex() == null ? "FEMALE" : Check.oneOf(body.sex(), SEXES, "sex");
        job.language = body.language() == null ? "CN" : Check.oneOf(body.language(), LANGUAGES, "language");
        job.createType = body.createType() == null ? null : Check.oneOf(body.createType(), CREATE_TYPES, "create_type");
        job.phone = body.phone() == null ? null : Check.length(body.phone(), 0, 64, "phone");
        job.dhtmsJobId = body.dhtmsJobId() == null ? null : Check.length(body.dhtmsJobId(), 0, 64, "dhtms_job_id");
        job.batchName = body.batchName() == null ? null : Check.length(body.batchName(), 0, 256, "batch_name");
        job.outputLanguage = body.outputLanguage() == null ? null
                : Check.length(body.outputLanguage(), 0, 16, "output_language");
        job.appUserId = appUserId;
        log(job, "CREATE_JOB", "USER");
        jobs.save(job);
        VoiceViews.UploadingAddress urls = urls(job, baseUrl);
        return new VoiceViews.Created(job.jobId,
                urls.packageUrl() == null ? null : urls.packageUrl().trainingDataUploadingUrl(), urls.segmentUrl(),
                urls.authorizationLetterUploadingUrl());
    }

    // ---- 9.4

    @Transactional(readOnly = true)
    public VoiceViews.JobList list(String projectId, QueryParams q, String baseUrl) {
        Paging paging = Paging.of(q);
        String key = q.oneOf("sort_key", List.of("create_time", "update_time"), "create_time");
        boolean asc = "asc".equals(q.oneOf("sort_dir", List.of("asc", "desc"), "desc"));
        String sorted = "update_time".equals(key) ? "updateTime" : "createTime";
        Sort sort = Sort.by(asc ? Sort.Order.asc(sorted) : Sort.Order.desc(sorted), Sort.Order.asc("jobId"));
        List<JobState> states = q.enums("state", JobState.class);
        List<JobType> types = q.enums("job_type", JobType.class);
        Instant createSince = time(q, "create_since");
        Instant createUntil = time(q, "create_until");
        Instant updateSince = time(q, "update_since");
        Instant updateUntil = time(q, "update_until");
        String jobId = q.text("job_id");
        String voiceName = q.text("voice_name");
        String tag = q.text("tag") == null ? null : Check.oneOf(q.text("tag"), TAGS, "tag");
        String batchName = q.text("batch_name");
        Page<VoiceJobEntity> page = jobs.findAll((root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("projectId"), projectId));
            if (!states.isEmpty()) {
                where.add(root.get("state").in(states));
            }
            if (!types.isEmpty()) {
                where.add(root.get("jobType").in(types));
            }
            if (createSince != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createTime"), createSince));
            }
            if (createUntil != null) {
                where.add(cb.lessThanOrEqualTo(root.get("createTime"), createUntil));
            }
            if (updateSince != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("updateTime"), updateSince));
            }
            if (updateUntil != null) {
                where.add(cb.lessThanOrEqualTo(root.get("updateTime"), updateUntil));
            }
            if (jobId != null) {
                where.add(cb.equal(root.get("jobId"), jobId));
            }
            if (voiceName != null) {
                where.add(cb.equal(root.get("voiceName"), voiceName));
            }
            if (tag != null) {
                where.add(cb.equal(root.get("tag"), tag));
            }
            if (batchName != null) {
                where.add(cb.equal(root.get("batchName"), batchName));
            }
            return cb.and(where.toArray(Predicate[]::new));
        }, paging.sorted(sort));
        return new VoiceViews.JobList((int) Math.min(Integer.MAX_VALUE, page.getTotalElements()),
                page.getContent().stream().map(j -> view(j, baseUrl)).toList());
    }

    /** Epoch seconds (the unit of this chapter's times) or RFC 3339. */
    private static Instant time(QueryParams q, String name) {
        String value = q.text(name);
        if (value == null) {
            return null;
        }
        if (value.trim().matches("\\d{1,12}")) {
            return Instant.ofEpochSecond(Long.parseLong(value.trim()));
        }
        return ApiTime.parse(value, name);
    }

    // ---- 9.5

    @Transactional
    public void commit(String projectId, String jobId, VoiceViews.Commit body) {
        VoiceJobEntity job = locked(projectId, jobId);
        if (job.state != JobState.CREATING && job.state != JobState.AUDIT_FAILED) {
            throw new ApiException(400, VoiceTrainingCodes.WRONG_STATE, "The task status does not allow this"
                    + " operation: job " + jobId + " is " + job.state + "; it can be submitted in CREATING or"
                    + " AUDIT_FAILED");
        }
        if (body != null) {
            if (body.tag() != null) {
                job.tag = Check.oneOf(body.tag(), TAGS, "tag");
            }
            if (body.description() != null) {
                job.description = Check.length(body.description(), 0, 4096, "description");
            }
            if (body.sex() != null) {
                job.sex = Check.oneOf(body.sex(), SEXES, "sex");
            }
            if (body.voiceName() != null) {
                job.voiceName = Check.length(Check.requiredText(body.voiceName(), "voice_name"), 1, 256, "voice_name");
            }
            if (body.language() != null) {
                job.language = Check.oneOf(body.language(), LANGUAGES, "language");
            }
            if (body.phone() != null) {
                job.phone = Check.length(body.phone(), 0, 64, "phone");
            }
            if (body.appUserId() != null) {
                job.appUserId = Check.length(body.appUserId(), 0, 128, "app_user_id");
            }
            if (body.outputLanguage() != null) {
                job.outputLanguage = Check.length(body.outputLanguage(), 0, 16, "output_language");
            }
        }
        if (!data.anyUploaded(job)) {
            throw new ApiException(400, VoiceTrainingCodes.NO_TRAINING_DATA, "The training data does not exist:"
                    + " upload the " + (job.jobType.longRecording() ? "recording" : "recordings and texts")
                    + " to the URLs of job " + jobId + " before submitting it");
        }
        long ongoing = jobs.countByProjectIdAndStateIn(projectId,
                Arrays.stream(JobState.values()).filter(JobState::ongoing).toList());
        if (ongoing >= MAX_ONGOING) {
            throw new ApiException(400, VoiceTrainingCodes.TOO_MANY_ONGOING, "Too many ongoing tasks. Try again"
                    + " later: " + ongoing + " voice training jobs are under review or in training");
        }
        boolean again = job.state == JobState.AUDIT_FAILED;
        job.state = JobState.SYSTEM_AUDITING;
        job.updateTime = clock.instant();
        log(job, "COMMIT_JOB", "USER");
        data.close(job);
        if (again) {
            queue.command(KIND, jobId, "COMMIT_JOB", null);
        } else {
            queue.submit(KIND, projectId, jobId, "cpu");
        }
    }

    // ---- 9.6, 9.7

    @Transactional(readOnly = true)
    public VoiceViews.Job show(String projectId, String jobId, String baseUrl) {
        return view(owned(projectId, jobId), baseUrl);
    }

    /** Any state (the reference restricts none): a job in training stops; the timbre it produced stays an asset. */
    @Transactional
    public void delete(String projectId, String jobId) {
        VoiceJobEntity job = owned(projectId, jobId);
        queue.cancel(KIND, jobId, JobState.FAILED.name());
        jobs.lock(jobId).ifPresent(jobs::delete);
        DeleteAfterCommit.objects(store, TrainingData.keys(job), true);
    }

    // ---- 9.8

    @Transactional(readOnly = true)
    public VoiceViews.OperationLogs logs(String projectId, String jobId, QueryParams q) {
        Paging paging = Paging.of(q);
        List<VoiceViews.OperationLog> all = logsOf(owned(projectId, jobId));
        int from = (int) Math.min(all.size(), paging.offset());
        int to = (int) Math.min(all.size(), (long) from + paging.limit());
        return new VoiceViews.OperationLogs(all.size(), all.subList(from, to));
    }

    // ---- 9.9

    @Transactional
    public VoiceViews.UploadingAddress uploadingAddress(String projectId, String jobId, String baseUrl) {
        VoiceJobEntity job = owned(projectId, jobId);
        if (job.state != JobState.CREATING && job.state != JobState.AUDIT_FAILED) {
            throw new ApiException(400, VoiceTrainingCodes.WRONG_STATE, "The task status does not allow this"
                    + " operation: job " + jobId + " is " + job.state + "; data can be uploaded in CREATING or"
                    + " AUDIT_FAILED");
        }
        return urls(job, baseUrl);
    }

    // ---- 9.10

    @Transactional(readOnly = true)
    public VoiceViews.AuditResult auditResult(String projectId, String jobId) {
        VoiceJobEntity job = owned(projectId, jobId);
        VoiceViews.AuditResult result = JsonColumns.read(job.auditResult, VoiceViews.AuditResult.class);
        return result == null ? new VoiceViews.AuditResult(null, null) : result;
    }

    // ---- 9.11, 9.12

    @Transactional
    public VoiceViews.SegmentConfirmed confirm(String projectId, String jobId, Integer index) {
        String id = Check.requiredText(jobId, "job_id");
        Check.required(index, "index");
        Check.range(index, 0, 1024, "index");
        VoiceJobEntity job = locked(projectId, id);
        if ("PACKAGE".equals(job.createType)) {
            throw new ApiException(400, VoiceTrainingCodes.WRONG_STATE, "The task status does not allow this"
                    + " operation: job " + id + " was created with create_type PACKAGE; sentences are confirmed only"
                    + " for SEGMENT uploads");
        }
        if (index >= job.jobType.segments()) {
            throw ApiException.invalid("index", "must be between 0 and " + (job.jobType.segments() - 1) + " for a "
                    + job.jobType + " job, got " + index);
        }
        if (job.state != JobState.CREATING && job.state != JobState.AUDIT_FAILED) {
            throw new ApiException(400, VoiceTrainingCodes.WRONG_STATE, "The task status does not allow this"
                    + " operation: job " + id + " is " + job.state);
        }
        RecordingAudit.SegmentCheck check = data.confirm(job, index);
        TreeSet<Integer> confirmed = new TreeSet<>(confirmedOf(job));
        if (check.confirmed()) {
            confirmed.add(index);
        } else {
            confirmed.remove(index);
        }
        job.confirmedIndexes = JsonColumns.write(List.copyOf(confirmed));
        job.updateTime = clock.instant();
        return new VoiceViews.SegmentConfirmed(check.confirmed(), check.unmatched());
    }

    @Transactional(readOnly = true)
    public VoiceViews.SegmentInfo segments(String projectId, String jobId) {
        return new VoiceViews.SegmentInfo(confirmedOf(owned(projectId, Check.requiredText(jobId, "job_id"))));
    }

    // ---- Views and helpers

    VoiceJobEntity owned(String projectId, String jobId) {
        return jobs.findByJobIdAndProjectId(jobId, projectId).orElseThrow(() -> new ApiException(400,
                VoiceTrainingCodes.NO_SUCH_JOB, "The task has been deleted or does not exist: " + jobId));
    }

    private VoiceJobEntity locked(String projectId, String jobId) {
        return jobs.lock(jobId).filter(j -> j.projectId.equals(projectId)).orElseThrow(() -> new ApiException(400,
                VoiceTrainingCodes.NO_SUCH_JOB, "The task has been deleted or does not exist: " + jobId));
    }

    private VoiceViews.UploadingAddress urls(VoiceJobEntity job, String baseUrl) {
        boolean pack = !"SEGMENT".equals(job.createType);
        boolean segment = !"PACKAGE".equals(job.createType);
        VoiceViews.SegmentUrls segments = null;
        if (segment) {
            List<String> audio = new ArrayList<>();
            List<String> text = new ArrayList<>();
            for (int i = 0; i < job.jobType.segments(); i++) {
                audio.add(upload(TrainingData.audioKey(job, i), MAX_RECORDING_BYTES, baseUrl));
                if (!job.jobType.longRecording()) {
                    text.add(upload(TrainingData.textKey(job, i), MAX_TEXT_BYTES, baseUrl));
                }
            }
            segments = new VoiceViews.SegmentUrls(audio, text);
        }
        VoiceViews.PackageUrl packageUrl = pack ? new VoiceViews.PackageUrl(upload(TrainingData.packageKey(job),
                MAX_PACKAGE_BYTES, baseUrl)) : null;
        return new VoiceViews.UploadingAddress(segments, packageUrl,
                upload(TrainingData.letterKey(job), MAX_LETTER_BYTES, baseUrl));
    }

    private String upload(String key, long maxBytes, String baseUrl) {
        try {
            store.reopenUploads(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store.uploadUrl(key, storage.uploadUrlValidity(), null, maxBytes, baseUrl);
    }

    private VoiceViews.Job view(VoiceJobEntity j, String baseUrl) {
        String letter = data.letterUrl(j, baseUrl);
        return new VoiceViews.Job(j.jobType.name(), j.jobId, j.appUserId, j.voiceName, j.sex, j.language,
                j.state.name(), j.rejectTimes == 0 ? null : j.rejectTimes,
                j.state == JobState.SUCCEED ? j.assetId : null, j.jobFailedCode, j.jobFailedReason,
                j.createTime.getEpochSecond(), j.updateTime.getEpochSecond(), letter, null, j.createType, j.tag,
                j.phone, j.dhtmsJobId, j.batchName, j.outputLanguage, null);
    }

    static List<VoiceViews.OperationLog> logsOf(VoiceJobEntity job) {
        return JsonColumns.MAPPER.convertValue(read(job.operationLogs),
                new TypeReference<List<VoiceViews.OperationLog>>() { });
    }

    static List<Integer> confirmedOf(VoiceJobEntity job) {
        return JsonColumns.MAPPER.convertValue(read(job.confirmedIndexes), new TypeReference<List<Integer>>() { });
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JsonColumns.MAPPER.readTree(json == null ? "[]" : json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends an operation log entry (9.8) with the current time. */
    static void log(VoiceJobEntity job, String action, String operator, Instant now) {
        List<VoiceViews.OperationLog> logs = new ArrayList<>(logsOf(job));
        logs.add(new VoiceViews.OperationLog(now.getEpochSecond(), action, operator, null));
        job.operationLogs = JsonColumns.write(logs);
    }

    private void log(VoiceJobEntity job, String action, String operator) {
        log(job, action, operator, clock.instant());
    }
}
