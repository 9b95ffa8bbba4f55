package dev.metastudio.emulator.imagemodel;

import dev.metastudio.emulator.asset.HumanModelAssets;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.storage.DeleteAfterCommit;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.work.WorkQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Image Modeling Management, reference chapter 8 (8.1-8.6), state machine A of the catalogue. */
@Service
public class ImageModelService {
    /** The work kind of image-model training. */
    public static final String KIND = "IMAGE_TRAINING";
    static final Set<String> COMMAND_MESSAGES = Set.of("UPDATE_VIDEO", "UPLOAD_VIDEO", "CONFIRM_ACTION_VIDEO",
            "GET_ACTION_VIDEO_MULTIPART");
    static final Set<String> MODEL_VERSIONS = Set.of("V2", "V3", "V3.2");
    static final Set<String> SERVICES = Set.of("VIDEO_2D", "LIVE_2D", "CHAT_2D");
    static final Set<String> NA_COMMANDS = Set.of("CONFIRM_ACCEPT", "CONFIRM_REJECT", "CONFIRM_ANSWER",
            "CONFIRM_PENDING", "CONFIRM_ACTIVE");
    static final Set<String> COMMANDS = Set.of("SUBMITVERIFYING", "CONFIRM_ACCEPT", "CONFIRM_REJECT", "CONFIRM_ANSWER",
            "CONFIRM_PENDING", "CONFIRM_ACTIVE", "GET_MULTIPART_UPLOADED", "CONFIRM_REPAIR",
            "CONFIRM_MULTIPART_UPLOADED", "GET_ACTION_VIDEO_MULTIPART_UPLOADED",
            "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED");
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ImageTrainingJobRepository jobs;
    private final TrainingUploads uploads;
    private final TrainingSettings settings;
    private final WorkQueue queue;
    private final ObjectStore store;
    private final HumanModelAssets assets;
    private final Clock clock;
    private final Path scratch;

    ImageModelService(ImageTrainingJobRepository jobs, TrainingUploads uploads, TrainingSettings settings,
                      WorkQueue queue, ObjectStore store, HumanModelAssets assets, Clock clock,
                      EmulatorProperties properties) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.settings = settings;
        this.queue = queue;
        this.store = store;
        this.assets = assets;
        this.clock = clock;
        this.scratch = properties.dataDir().resolve("tmp").resolve("image-training");
    }

    static String rfc3339(Instant instant) {
        return RFC3339.format(instant);
    }

    // ---- 8.1 -------------------------------------------------------------------------------------------------

    @Transactional
    public ImageModelRequests.Created create(String projectId, String appUserId, ImageModelRequests.Create body,
                                             String baseUrl) {
        Check.required(body, "request body");
        String name = checkName(Check.requiredText(body.name(), "name"));
        Check.length(body.contact(), 0, 256, "contact");
        String commandMessage = body.commandMessage() == null ? "UPLOAD_VIDEO"
                : oneOf(Check.length(body.commandMessage(), 0, 64, "command_message"), COMMAND_MESSAGES, "command_message");
        int parts = body.videoMultipartCount() == null ? 1 : Check.range(body.videoMultipartCount(), 1, 1000,
                "video_multipart_count");
        Integer actionParts = body.actionVideoMultipartCount() == null ? null
                : Check.range(body.actionVideoMultipartCount(), 1, 1000, "action_video_multipart_count");
        Check.length(body.batchName(), 0, 256, "batch_name");
        checkTags(body.tags());
        String version = body.modelVersion() == null ? "V3.2"
                : oneOf(Check.length(body.modelVersion(), 0, 64, "model_version"), MODEL_VERSIONS, "model_version");
        if (version.equals("V2")) {
            throw ApiException.invalid("model_version", "V2 has been discarded: use V3 or V3.2");
        }
        String audio = body.audioSourceType() == null ? "VIDEO"
                : oneOf(body.audioSourceType(), Set.of("VIDEO", "AUDIO"), "audio_source_type");
        if (body.voiceProperties() != null) {
            var v = body.voiceProperties();
            oneOf(Check.requiredText(v.jobTag(), "voice_properties.job_tag"), Set.of("ECOMMERCE", "NEWS", "MARKETING"),
                    "voice_properties.job_tag");
            oneOf(Check.requiredText(v.sex(), "voice_properties.sex"), Set.of("FEMALE", "MALE"), "voice_properties.sex");
            oneOf(Check.requiredText(v.language(), "voice_properties.language"), Set.of("CN", "EN"),
                    "voice_properties.language");
        }
        List<String> services = services(body.supportedService());
        if (appUserId != null && (appUserId.length() > 128 || appUserId.codePoints().anyMatch(c ->
                Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))) {
            throw ApiException.invalid("X-App-UserId", "must be at most 128 characters without Chinese characters");
        }
        long existing = jobs.countByProjectId(projectId);
        if (existing >= settings.maxJobs()) {
            throw new ApiException(400, ImageModelCodes.TOO_MANY, "Too many training tasks: the project has "
                    + existing + " (limit " + settings.maxJobs() + ", METASTUDIO_TRAINING_MAX_JOBS). Delete old tasks.");
        }
        boolean actionVideo = actionParts != null || commandMessage.equals("CONFIRM_ACTION_VIDEO")
                || commandMessage.equals("GET_ACTION_VIDEO_MULTIPART");
        ImageModelRequests.Settings s = new ImageModelRequests.Settings(body.contact(), commandMessage, parts,
                actionParts, body.isBackgroundReplacement() == null || body.isBackgroundReplacement(), version,
                body.isOnlyHumanModel(), audio, body.voiceProperties(), services, null, actionVideo);
        Instant now = clock.instant();
        ImageTrainingJobEntity job = new ImageTrainingJobEntity(UUID.randomUUID().toString().replace("-", ""),
                projectId, name, body.batchName(), Boolean.TRUE.equals(body.isFlexus()), appUserId, body.tags(), s, now);
        job.log("USER_CREATE_JOD", "create job", "USER", now);
        jobs.save(job);
        return uploads.urls(job, baseUrl);
    }

    // ---- 8.2 -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ImageModelRequests.JobList list(String projectId, QueryParams q, String baseUrl) {
        int offset = q.integer("offset", 0, 0, Integer.MAX_VALUE);
        int limit = q.integer("limit", 10, 1, 100);
        String sortKey = q.oneOf("sort_key", List.of("create_time", "update_time", "asset_order"), "create_time");
        String sortDir = q.oneOf("sort_dir", List.of("asc", "desc"), "asc");
        Instant until = time(q.text("create_until"), "create_until");
        Instant since = time(q.text("create_since"), "create_since");
        List<String> states = q.list("state");
        String queryProject = q.text("query_project_id");
        String batch = q.text("batch_name");
        String tag = q.text("tag");
        String jobId = q.text("job_id");
        String name = q.text("name");
        String resolution = q.text("model_resolution");
        Boolean flexus = q.bool("is_flexus");
        Predicate<ImageTrainingJobEntity> match = j -> (until == null || !j.getCreateTime().isAfter(until))
                && (since == null || !j.getCreateTime().isBefore(since))
                && (states == null || states.isEmpty() || states.contains(j.getState().name()))
                && (queryProject == null || queryProject.equals(j.getProjectId()))
                && (batch == null || batch.equals(j.getBatchName()))
                && (tag == null || j.tagList().contains(tag))
                && (jobId == null || jobId.equals(j.getJobId()))
                && (name == null || j.getName().contains(name))
                && (resolution == null || resolution.equalsIgnoreCase(j.getModelResolution()))
                && (flexus == null || flexus == j.isFlexus());
        // asset_order has no meaning for a job; it sorts as create_time (the reference gives no other order).
        Comparator<ImageTrainingJobEntity> order = Comparator.comparing(sortKey.equals("update_time")
                ? ImageTrainingJobEntity::getUpdateTime : ImageTrainingJobEntity::getCreateTime);
        order = order.thenComparing(ImageTrainingJobEntity::getJobId);
        if (sortDir.equals("desc")) {
            order = order.reversed();
        }
        List<ImageTrainingJobEntity> matched = jobs.findByProjectId(projectId).stream().filter(match).sorted(order)
                .toList();
        List<ImageModelRequests.JobDetail> page = matched.stream().skip(offset).limit(limit)
                .map(j -> view(j, baseUrl, false)).toList();
        return new ImageModelRequests.JobList(matched.size(), page);
    }

    // ---- 8.3 -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ImageModelRequests.JobDetail show(String projectId, String jobId, String baseUrl) {
        return view(owned(projectId, jobId), baseUrl, true);
    }

    // ---- 8.4 -------------------------------------------------------------------------------------------------

    @Transactional
    public void delete(String projectId, String jobId) {
        ImageTrainingJobEntity job = owned(projectId, jobId);
        job = jobs.lock(job.getJobId()).orElseThrow();
        if (!ImageJobState.DELETABLE.contains(job.getState())) {
            throw new ApiException(400, ImageModelCodes.CANNOT_DELETE, "The task cannot be found or cannot be deleted:"
                    + " job " + jobId + " is " + job.getState() + "; deletable states are " + ImageJobState.DELETABLE);
        }
        // A review or training in progress (MANUAL_VERIFYING is deletable) stops and never writes again.
        queue.cancel(KIND, subject(job, job.submissions()), job.getState().name());
        if (job.getAssetId() != null) {
            assets.deletePermanently(projectId, job.getAssetId());
        }
        List<String> keys = TrainingUploads.allKeys(job);
        jobs.delete(job);
        DeleteAfterCommit.objects(store, keys, false);
    }

    // ---- 8.5 -------------------------------------------------------------------------------------------------

    @Transactional
    public ImageModelRequests.Created update(String projectId, String jobId, ImageModelRequests.Update body,
                                             String baseUrl) {
        Check.required(body, "request body");
        ImageTrainingJobEntity job = jobs.lock(owned(projectId, jobId).getJobId()).orElseThrow();
        if (!ImageJobState.UPDATABLE.contains(job.getState())) {
            throw new ApiException(400, ImageModelCodes.WRONG_STATE, "Incorrect task status: a job can be updated only"
                    + " after a failed review (AUTO_VERIFY_FAILED or MANUAL_VERIFY_FAILED); job " + jobId + " is "
                    + job.getState());
        }
        ImageModelRequests.Settings s = job.settingsDoc();
        String name = body.name() == null ? job.getName() : checkName(body.name());
        Check.length(body.contact(), 0, 256, "contact");
        String commandMessage = body.commandMessage() == null ? s.commandMessage()
                : oneOf(Check.length(body.commandMessage(), 0, 64, "command_message"), COMMAND_MESSAGES, "command_message");
        int parts = body.videoMultipartCount() == null ? 1 : Check.range(body.videoMultipartCount(), 1, 1000,
                "video_multipart_count");
        Integer actionParts = body.actionVideoMultipartCount() == null ? s.actionVideoMultipartCount()
                : Check.range(body.actionVideoMultipartCount(), 1, 1000, "action_video_multipart_count");
        Check.length(body.batchName(), 0, 256, "batch_name");
        checkTags(body.tags());
        String audio = body.audioSourceType() == null ? s.audioSourceType()
                : oneOf(body.audioSourceType(), Set.of("VIDEO", "AUDIO"), "audio_source_type");
        List<String> services = body.supportedService() == null ? s.supportedService() : services(body.supportedService());
        if (body.samplesBasicInfo() != null) {
            for (int i = 0; i < body.samplesBasicInfo().size(); i++) {
                var sample = body.samplesBasicInfo().get(i);
                Check.requiredText(sample == null ? null : sample.actionTag(), "samples_basic_info[" + i + "].action_tag");
            }
        }
        boolean actionVideo = s.actionVideo() || body.actionVideoMultipartCount() != null
                || commandMessage.equals("CONFIRM_ACTION_VIDEO") || commandMessage.equals("GET_ACTION_VIDEO_MULTIPART");
        job.setSettings(new ImageModelRequests.Settings(body.contact() == null ? s.contact() : body.contact(),
                commandMessage, parts, actionParts, body.isBackgroundReplacement() == null ? s.isBackgroundReplacement()
                : body.isBackgroundReplacement(), s.modelVersion(), s.isOnlyHumanModel(), audio, s.voiceProperties(),
                services, body.samplesBasicInfo() == null ? s.samplesBasicInfo() : body.samplesBasicInfo(), actionVideo));
        job.setName(name);
        if (body.batchName() != null) {
            job.setBatchName(body.batchName());
        }
        if (body.tags() != null) {
            job.setTags(body.tags());
        }
        Instant now = clock.instant();
        job.nextGeneration();
        job.userUpdated(now);
        job.log("USER_UPDATE_VIDEO", "new upload URLs issued", "USER", now);
        return uploads.urls(job, baseUrl);
    }

    // ---- 8.6 -------------------------------------------------------------------------------------------------

    @Transactional
    public ImageModelRequests.CommandResult command(String projectId, String jobId, ImageModelRequests.Command body,
                                                    String baseUrl) {
        Check.required(body, "request body");
        String command = oneOf(Check.requiredText(body.command(), "command"), COMMANDS, "command");
        if (body.commandMessage() != null) {
            oneOf(Check.length(body.commandMessage(), 0, 64, "command_message"), COMMAND_MESSAGES, "command_message");
        }
        if (body.commentData() != null) {
            Check.length(body.commentData().commentTitle(), 0, 256, "comment_data.comment_title");
            Check.length(body.commentData().commentMessage(), 0, 4096, "comment_data.comment_message");
            checkTags(body.commentData().attachmentName());
        }
        ImageTrainingJobEntity job = jobs.lock(owned(projectId, jobId).getJobId()).orElseThrow();
        if (NA_COMMANDS.contains(command) && !settings.na(projectId)) {
            return ImageModelRequests.CommandResult.failed(command + " is available only to whitelisted NA users");
        }
        Instant now = clock.instant();
        ImageModelRequests.Settings s = job.settingsDoc();
        ImageJobState state = job.getState();
        switch (command) {
            case "SUBMITVERIFYING" -> {
                if (!ImageJobState.SUBMITTABLE.contains(state)) {
                    return wrongState(command, job);
                }
                if (!job.assembled()) {
                    job.setAssembled(uploads.assemble(job, TrainingUploads.VIDEO, s.videoMultipartCount(), scratch)
                            .isEmpty());
                }
                uploads.close(job);
                job.log("USER_VERIFYING_SUBMITTED", "submitted for review", "USER", now);
                job.moveTo(ImageJobState.AUTO_VERIFYING, now);
                job.userUpdated(now);
                queue.submit(KIND, projectId, subject(job, job.submissions()), "cpu");
                return ImageModelRequests.CommandResult.success();
            }
            case "GET_MULTIPART_UPLOADED" -> {
                return ImageModelRequests.CommandResult.success().withParts(
                        uploads.uploadedParts(job, TrainingUploads.VIDEO, s.videoMultipartCount()));
            }
            case "GET_ACTION_VIDEO_MULTIPART_UPLOADED" -> {
                if (!s.actionVideo()) {
                    return ImageModelRequests.CommandResult.failed("The job has no action video: create it with"
                            + " action_video_multipart_count or command_message CONFIRM_ACTION_VIDEO");
                }
                return ImageModelRequests.CommandResult.success().withParts(uploads.uploadedParts(job,
                        TrainingUploads.ACTION_VIDEO, s.actionVideoMultipartCount() == null ? 1 : s.actionVideoMultipartCount()));
            }
            case "CONFIRM_MULTIPART_UPLOADED", "CONFIRM_ACTION_VIDEO_MULTIPART_UPLOADED" -> {
                boolean action = command.startsWith("CONFIRM_ACTION");
                if (state != ImageJobState.WAIT_FILE_UPLOAD && !ImageJobState.UPDATABLE.contains(state)) {
                    return wrongState(command, job);
                }
                if (action && !s.actionVideo()) {
                    return ImageModelRequests.CommandResult.failed("The job has no action video");
                }
                Optional<String> missing = action
                        ? uploads.assemble(job, TrainingUploads.ACTION_VIDEO, s.actionVideoMultipartCount() == null ? 1
                        : s.actionVideoMultipartCount(), scratch)
                        : uploads.assemble(job, TrainingUploads.VIDEO, s.videoMultipartCount(), scratch);
                if (missing.isPresent()) {
                    return ImageModelRequests.CommandResult.failed("Not all segments are uploaded: " + missing.get());
                }
                if (!action) {
                    job.setAssembled(true);
                }
                job.userUpdated(now);
                return ImageModelRequests.CommandResult.success();
            }
            case "CONFIRM_REPAIR" -> {
                if (state != ImageJobState.JOB_SUCCESS && state != ImageJobState.JOB_FINISH
                        && state != ImageJobState.WAIT_USER_CONFIRM) {
                    return wrongState(command, job);
                }
                job.log("USER_REPAIR", body.commentData() == null ? "model optimisation requested"
                        : body.commentData().commentMessage(), "USER", now);
                return ImageModelRequests.CommandResult.success();
            }
            case "CONFIRM_ACCEPT", "CONFIRM_REJECT" -> {
                if (state != ImageJobState.WAIT_USER_CONFIRM) {
                    return wrongState(command, job);
                }
                boolean accept = command.equals("CONFIRM_ACCEPT");
                if (!accept) {
                    job.comment(comment("USER_REJECT", body.commentData(), now, List.of()));
                }
                job.moveTo(accept ? ImageJobState.JOB_FINISH : ImageJobState.JOB_REJECT, now);
                job.userUpdated(now);
                return ImageModelRequests.CommandResult.success();
            }
            case "CONFIRM_ANSWER" -> {
                List<String> names = body.commentData() == null || body.commentData().attachmentName() == null
                        ? List.of() : body.commentData().attachmentName();
                List<String> urls = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                int n = job.comments().size();
                for (int i = 0; i < names.size(); i++) {
                    String key = TrainingUploads.prefix(projectId, jobId) + "comments/" + n + "/" + i;
                    keys.add(key);
                    urls.add(store.uploadUrl(key, TrainingUploads.URL_VALIDITY, null, baseUrl));
                }
                job.comment(comment("USER_COMMENT", body.commentData(), now, keys));
                return ImageModelRequests.CommandResult.success().withAttachments(urls);
            }
            case "CONFIRM_PENDING" -> {
                if (state == ImageJobState.JOB_PENDING || state == ImageJobState.JOB_FINISH
                        || !ImageJobState.WORK_ENDS.contains(state) && state != ImageJobState.WAIT_FILE_UPLOAD) {
                    return wrongState(command, job);
                }
                job.setPreviousState(state);
                job.moveTo(ImageJobState.JOB_PENDING, now);
                return ImageModelRequests.CommandResult.success();
            }
            case "CONFIRM_ACTIVE" -> {
                if (state != ImageJobState.JOB_PENDING) {
                    return wrongState(command, job);
                }
                job.moveTo(job.getPreviousState() == null ? ImageJobState.WAIT_FILE_UPLOAD : job.getPreviousState(), now);
                job.setPreviousState(null);
                return ImageModelRequests.CommandResult.success();
            }
            default -> throw ApiException.invalid("command", "is not supported: " + command);
        }
    }

    // ---- views and helpers -------------------------------------------------------------------------------------

    ImageModelRequests.JobDetail view(ImageTrainingJobEntity job, String baseUrl, boolean detail) {
        ImageModelRequests.Settings s = job.settingsDoc();
        String cover = download(TrainingUploads.key(job, TrainingUploads.COVER), baseUrl)
                .or(() -> download(TrainingUploads.generated(job, "cover.jpg"), baseUrl)).orElse(null);
        if (!detail) {
            return new ImageModelRequests.JobDetail(job.getJobId(), job.getName(), job.getState().name(),
                    job.getAssetId(), job.getProjectId(), cover, rfc3339(job.getLastUpdateTime()),
                    rfc3339(job.getCreateTime()), s.contact(), job.getBatchName(), job.tagList(), s.modelVersion(), "AI",
                    job.getModelResolution(), job.getAppUserId(), job.isFlexus(), s.isOnlyHumanModel(), null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
        List<ImageModelRequests.CommentLog> comments = job.comments().stream().map(c -> new ImageModelRequests.CommentLog(
                c.operateTime(), c.commentType(), c.commentTitle(), c.commentMessage(), c.attachmentDownloadUrl() == null
                ? List.of() : c.attachmentDownloadUrl().stream().map(k -> download(k, baseUrl).orElse(null))
                .filter(u -> u != null).toList())).toList();
        return new ImageModelRequests.JobDetail(job.getJobId(), job.getName(), job.getState().name(),
                job.getAssetId(), job.getProjectId(), cover, rfc3339(job.getLastUpdateTime()),
                rfc3339(job.getCreateTime()), s.contact(), job.getBatchName(), job.tagList(), s.modelVersion(), "AI",
                job.getModelResolution(), job.getAppUserId(), job.isFlexus(), s.isOnlyHumanModel(),
                download(TrainingUploads.key(job, TrainingUploads.VIDEO), baseUrl).orElse(null),
                download(TrainingUploads.key(job, TrainingUploads.ID_CARD_1), baseUrl).orElse(null),
                download(TrainingUploads.key(job, TrainingUploads.ID_CARD_2), baseUrl).orElse(null),
                download(TrainingUploads.key(job, TrainingUploads.GRANT), baseUrl).orElse(null),
                s.actionVideo() ? download(TrainingUploads.key(job, TrainingUploads.ACTION_VIDEO), baseUrl).orElse(null) : null,
                download(TrainingUploads.key(job, TrainingUploads.AUDIO), baseUrl).orElse(null),
                job.logs(), job.matting() == null ? List.of() : job.matting(), comments,
                s.samplesBasicInfo() == null ? List.of() : s.samplesBasicInfo(), false,
                download(TrainingUploads.key(job, TrainingUploads.VIDEO), baseUrl).orElse(null),
                s.isBackgroundReplacement(), List.of(), job.isFlexus() ? 10 : 0, s.audioSourceType(),
                s.supportedService());
    }

    private Optional<String> download(String key, String baseUrl) {
        return uploads.uploaded(key) ? Optional.of(store.downloadUrl(key, TrainingUploads.URL_VALIDITY, null, baseUrl))
                : Optional.empty();
    }

    /**
     * The work item of a job's {@code submission}-th review (the queue holds one item per kind and subject): the job
     * id itself for the first, so the control plane addresses it as {@code /_emulator/jobs/<job_id>}; later
     * submissions (after an 8.5 update) are {@code <job_id>.<n>}.
     */
    static String subject(ImageTrainingJobEntity job, int submission) {
        return submission <= 1 ? job.getJobId() : job.getJobId() + "." + submission;
    }

    private ImageTrainingJobEntity owned(String projectId, String jobId) {
        return jobs.findByJobIdAndProjectId(jobId, projectId).orElseThrow(() -> new ApiException(404,
                ImageModelCodes.NOT_FOUND, "Task not found: training job " + jobId + " does not exist"));
    }

    private static ImageModelRequests.CommandResult wrongState(String command, ImageTrainingJobEntity job) {
        return ImageModelRequests.CommandResult.failed("Incorrect task status (" + ImageModelCodes.WRONG_STATE + "): "
                + command + " cannot be executed while the job is " + job.getState());
    }

    private static ImageModelRequests.CommentLog comment(String type, ImageModelRequests.CommentData data, Instant now,
                                                         List<String> attachmentKeys) {
        return new ImageModelRequests.CommentLog(rfc3339(now), type, data == null ? null : data.commentTitle(),
                data == null ? null : data.commentMessage(), attachmentKeys);
    }

    static String checkName(String name) {
        Check.length(name, 1, 64, "name");
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) || "<>\"'&;\\/|`$".indexOf(c) >= 0)) {
            throw new ApiException(400, ImageModelCodes.INVALID_NAME, "Incorrect request (invalid task name): name"
                    + " must not contain special characters such as < > \" ' & ; \\ / | ` $");
        }
        return name;
    }

    private static void checkTags(List<String> tags) {
        if (tags == null) {
            return;
        }
        Check.size(tags, 100, "tags");
        Check.eachLength(tags, 1, 64, "tags");
    }

    private static List<String> services(List<String> requested) {
        if (requested == null) {
            return List.of("VIDEO_2D", "LIVE_2D");
        }
        if (requested.isEmpty()) {
            throw ApiException.invalid("supported_service", "must name at least one service");
        }
        for (int i = 0; i < requested.size(); i++) {
            oneOf(requested.get(i), SERVICES, "supported_service[" + i + "]");
        }
        return requested.stream().distinct().toList();
    }

    private static String oneOf(String value, Set<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw ApiException.invalid(field, "must be one of " + allowed.stream().sorted().toList() + ", got '"
                    + value + "'");
        }
        return value;
    }

    private static Instant time(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an RFC 3339 time such as 2020-07-30T10:43:17Z, got '" + value + "'");
        }
    }
}
