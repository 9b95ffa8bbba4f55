package dev.metastudio.emulator.video;

import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.AssetMapper;
import dev.metastudio.emulator.asset.AssetState;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.callback.Callbacks;
import dev.metastudio.emulator.composition.Composition;
import dev.metastudio.emulator.composition.CompositionRules;
import dev.metastudio.emulator.composition.ShootScriptItem;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorCodes;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.edge.QueryParams;
import dev.metastudio.emulator.script.Scripts;
import dev.metastudio.emulator.work.WorkQueue;
import dev.metastudio.emulator.work.WorkerProperties;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Virtual avatar video production (reference 5.3) and the tenant's job list (5.2). */
@Service
public class VideoJobService {
    public static final String JOB_TYPE = "2D_DIGITAL_HUMAN_VIDEO";

    private final WorkQueue queue;
    private final VideoJobRepository jobs;
    private final CompositionRules rules;
    private final Scripts scripts;
    private final Callbacks callbacks;
    private final OutputNames outputNames;
    private final AssetLookup assets;
    private final AssetMapper assetMapper;
    private final VideoJobSearch search;
    private final WorkerProperties workers;
    private final Clock clock;

    VideoJobService(WorkQueue queue, VideoJobRepository jobs, CompositionRules rules, Scripts scripts,
                    Callbacks callbacks, OutputNames outputNames, AssetLookup assets, AssetMapper assetMapper,
                    VideoJobSearch search, WorkerProperties workers, Clock clock) {
        this.queue = queue;
        this.jobs = jobs;
        this.rules = rules;
        this.scripts = scripts;
        this.callbacks = callbacks;
        this.outputNames = outputNames;
        this.assets = assets;
        this.assetMapper = assetMapper;
        this.search = search;
        this.workers = workers;
        this.clock = clock;
    }

    /**
     * With script_id the script's model, voice, output settings and scenes are used even when the body repeats
     * them, as the reference says; the body's background music applies when given.
     */
    @Transactional
    public VideoViews.Created create(String projectId, String appUserId, VideoRequests.Create body) {
        Check.required(body, "request body");
        VideoRequests.OutputAssetConfig output = Check.required(body.outputAssetConfig(), "output_asset_config");
        Check.length(Check.requiredText(output.assetName(), "output_asset_config.asset_name"), 1, 256,
                "output_asset_config.asset_name");
        // L16917 MSS.20010019 (400, see ErrorCodes). The reference names no character set; control characters and the
        // characters no file name may hold are what the emulator counts as invalid.
        if (output.assetName().chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f || "\\/:*?\"<>|".indexOf(ch) >= 0)) {
            throw new ApiException(400, ErrorCodes.INVALID_VIDEO_NAME, "The video name asset_name contains invalid"
                    + " characters: output_asset_config.asset_name may not hold control characters or any of \\ / : * ? \" < > |");
        }
        String scriptId = body.scriptId() == null || body.scriptId().isEmpty() ? null : body.scriptId();
        Scripts.ForJob scripted = scriptId == null
                ? new Scripts.ForJob(null, new Composition(body.modelAssetId(), body.voiceConfig(), body.videoConfig(),
                        body.shootScripts(), body.backgroundMusicConfig()), Map.of(), false)
                : scripts.forJob(projectId, scriptId, body.backgroundMusicConfig());
        Composition composition = scripted.composition();
        Map<Integer, String> audioKeys = scripted.audioKeys();
        List<ShootScriptItem> scenes = composition.shootScripts();
        rules.validate(projectId, composition, CompositionRules.Mode.JOB,
                index -> scenes != null && audioKeys.containsKey(scenes.get(index).sequenceNo()), scripted.modelType());
        if (body.callbackConfig() != null) {
            callbacks.validate(body.callbackConfig());
        }
        if (outputNames.taken(projectId, output.assetName())) {
            throw new ApiException(400, VideoCodes.DUPLICATE_NAME, "Duplicate asset name: a video asset named '"
                    + output.assetName() + "' already exists or is being produced");
        }
        long waiting = jobs.countByProjectIdAndState(projectId, VideoJobState.WAITING);
        if (waiting >= workers.maxWaitingPerTenant()) {
            throw new ApiException(429, VideoCodes.TOO_MANY_TASKS, "Too many video production tasks. Create a task"
                    + " later: " + waiting + " are waiting (at most " + workers.maxWaitingPerTenant() + ")");
        }
        String request = JsonColumns.write(new VideoRequests.Document(scriptId, composition, output,
                body.reviewConfig(), body.callbackConfig(), body.actionConfig(), audioKeys,
                scripted.threeD() ? "HUMAN_MODEL_3D" : null));
        VideoJobEntity job = jobs.save(new VideoJobEntity(UUID.randomUUID().toString(), projectId, JOB_TYPE, scriptId,
                output.assetName(), appUserId, request, clock.instant()));
        queue.submit(VideoJobs.KIND, projectId, job.getJobId(), "cpu");
        return new VideoViews.Created(job.getJobId());
    }

    @Transactional(readOnly = true)
    public VideoViews.Detail show(String projectId, String jobId, boolean showScript, String baseUrl) {
        VideoJobEntity job = find(projectId, jobId);
        VideoViews.Job view = view(job, baseUrl);
        Composition c = showScript ? JsonColumns.read(job.getRequest(), VideoRequests.Document.class).composition() : null;
        return new VideoViews.Detail(view.jobId(), view.state(), view.jobType(), view.startTime(), view.endTime(),
                view.duration(), view.outputAssetConfig(), view.errorInfo(), view.createTime(), view.lastupdateTime(),
                job.getScriptId(), "MODEL", c == null ? null : c.modelAssetId(),
                c == null || c.voiceConfig() == null ? null : c.voiceConfig().withDefaults(),
                c == null || c.videoConfig() == null ? null : c.videoConfig().withDefaults(),
                c == null || c.shootScripts() == null ? null
                        : c.shootScripts().stream().map(ShootScriptItem::withDefaults).toList(),
                c == null ? null : c.backgroundMusicConfig());
    }

    @Transactional(readOnly = true)
    public VideoViews.JobList list(String projectId, QueryParams query, String baseUrl) {
        VideoJobSearch.Page page = search.search(projectId, query);
        return new VideoViews.JobList((int) page.count(), page.jobs().stream().map(j -> view(j, baseUrl)).toList());
    }

    /**
     * Only a WAITING job can be cancelled; the reference's error for any other state is MSS.20010048 (HTTP 500). The
     * work item is ended first (a worker that claimed it a moment ago loses it), then the job is checked under its
     * row lock; a job already PROCESSING rolls both back.
     */
    @Transactional
    public void cancel(String projectId, String jobId) {
        queue.cancel(VideoJobs.KIND, jobId, VideoJobState.CANCELED.name());
        // Loaded for the first time here, under its row lock, so the state checked is the committed one.
        VideoJobEntity job = jobs.lock(jobId).filter(j -> j.getProjectId().equals(projectId))
                .orElseThrow(() -> ApiException.notFound("video job", jobId));
        if (!job.cancel(clock.instant())) {
            throw new ApiException(500, VideoCodes.NOT_WAITING, "The task is not in the WAITING status and cannot be"
                    + " operated: job " + jobId + " is " + job.getState());
        }
    }

    VideoViews.Job view(VideoJobEntity job, String baseUrl) {
        String coverUrl = null;
        if (job.getOutputAssetId() != null) {
            coverUrl = assets.findVisible(job.getProjectId(), job.getOutputAssetId())
                    .filter(a -> a.getAssetState() != AssetState.DELETED && a.getAssetType() == AssetType.VIDEO)
                    .map(a -> assetMapper.coverUrl(a, baseUrl)).orElse(null);
        }
        ErrorEnvelope error = job.getErrorCode() == null ? null : ErrorEnvelope.of(job.getErrorCode(), job.getErrorMsg());
        return new VideoViews.Job(job.getJobId(), job.getState().name(), job.getJobType(),
                ApiTime.format(job.getStartTime()), ApiTime.format(job.getEndTime()),
                job.getDuration() == null ? null : job.getDuration().floatValue(),
                new VideoViews.OutputAssetInfo(job.getOutputAssetId(), job.getOutputAssetName(), coverUrl, null),
                error, ApiTime.format(job.getCreateTime()), ApiTime.format(job.getUpdateTime()));
    }

    private VideoJobEntity find(String projectId, String jobId) {
        return jobs.findByJobIdAndProjectId(jobId, projectId)
                .orElseThrow(() -> ApiException.notFound("video job", jobId));
    }
}
