package dev.metastudio.emulator.video;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.metastudio.emulator.asset.AssetLookup;
import dev.metastudio.emulator.asset.AssetMapper;
import dev.metastudio.emulator.asset.AssetState;
import dev.metastudio.emulator.asset.AssetType;
import dev.metastudio.emulator.callback.Callbacks;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.Check;
import dev.metastudio.emulator.edge.ErrorEnvelope;
import dev.metastudio.emulator.job.JobEntity;
import dev.metastudio.emulator.job.JobKind;
import dev.metastudio.emulator.job.JobQueue;
import dev.metastudio.emulator.job.JobRepository;
import dev.metastudio.emulator.job.JobState;
import dev.metastudio.emulator.job.WorkerProperties;
import dev.metastudio.emulator.script.ScriptAudio;
import dev.metastudio.emulator.script.ScriptContent;
import dev.metastudio.emulator.script.ScriptService;
import dev.metastudio.emulator.script.VideoScriptEntity;
import dev.metastudio.emulator.composition.Composition;
import dev.metastudio.emulator.composition.CompositionRules;
import dev.metastudio.emulator.composition.ShootScript;
import dev.metastudio.emulator.composition.ShootScriptItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Virtual avatar video production (reference 5.3) and the tenant's job list (5.2). */
@Service
public class VideoJobService {
    public static final String JOB_TYPE = "2D_DIGITAL_HUMAN_VIDEO";
    static final String DUPLICATE_NAME = "MSS.20010008";
    static final String TOO_MANY_TASKS = "MSS.20010011";
    static final String NOT_WAITING = "MSS.20010048";

    private final JobQueue queue;
    private final JobRepository jobs;
    private final CompositionRules rules;
    private final ScriptService scripts;
    private final ScriptAudio scriptAudio;
    private final Callbacks callbacks;
    private final OutputNames outputNames;
    private final AssetLookup assets;
    private final AssetMapper assetMapper;
    private final VideoJobSearch search;
    private final WorkerProperties workers;

    VideoJobService(JobQueue queue, JobRepository jobs, CompositionRules rules, ScriptService scripts,
                    ScriptAudio scriptAudio, Callbacks callbacks, OutputNames outputNames, AssetLookup assets,
                    AssetMapper assetMapper, VideoJobSearch search, WorkerProperties workers) {
        this.queue = queue;
        this.jobs = jobs;
        this.rules = rules;
        this.scripts = scripts;
        this.scriptAudio = scriptAudio;
        this.callbacks = callbacks;
        this.outputNames = outputNames;
        this.assets = assets;
        this.assetMapper = assetMapper;
        this.search = search;
        this.workers = workers;
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
        Composition composition;
        Map<Integer, String> audioKeys = new HashMap<>();
        if (body.scriptId() != null && !body.scriptId().isEmpty()) {
            VideoScriptEntity script = scripts.visible(projectId, body.scriptId());
            ScriptContent content = script.getContent();
            composition = new Composition(content.modelAssetId(), content.voiceConfig(), content.videoConfig(),
                    content.shootScripts(), body.backgroundMusicConfig() != null ? body.backgroundMusicConfig()
                    : content.backgroundMusicConfig());
            for (ShootScriptItem item : content.shootScripts() == null ? List.<ShootScriptItem>of() : content.shootScripts()) {
                String key = ScriptAudio.key(script.getProjectId(), script.getScriptId(), item.sequenceNo());
                if (item.shootScript() != null && item.shootScript().effectiveType() == ShootScript.ScriptType.AUDIO
                        && scriptAudio.uploaded(key)) {
                    audioKeys.put(item.sequenceNo(), key);
                }
            }
        } else {
            composition = new Composition(body.modelAssetId(), body.voiceConfig(), body.videoConfig(),
                    body.shootScripts(), body.backgroundMusicConfig());
        }
        List<ShootScriptItem> scenes = composition.shootScripts();
        rules.validate(projectId, composition, CompositionRules.Mode.JOB,
                index -> scenes != null && audioKeys.containsKey(scenes.get(index).sequenceNo()));
        if (body.callbackConfig() != null) {
            callbacks.validate(body.callbackConfig());
        }
        if (outputNames.taken(projectId, output.assetName())) {
            throw new ApiException(400, DUPLICATE_NAME, "Duplicate asset name: a video asset named '"
                    + output.assetName() + "' already exists or is being produced");
        }
        long waiting = jobs.countByProjectIdAndKindAndState(projectId, JobKind.VIDEO_2D, JobState.WAITING);
        if (waiting >= workers.maxWaitingPerTenant()) {
            throw new ApiException(429, TOO_MANY_TASKS, "Too many video production tasks. Create a task later: "
                    + waiting + " are waiting (at most " + workers.maxWaitingPerTenant() + ")");
        }
        JobEntity job = new JobEntity();
        job.setJobId(UUID.randomUUID().toString());
        job.setProjectId(projectId);
        job.setKind(JobKind.VIDEO_2D);
        job.setJobType(JOB_TYPE);
        job.setScriptId(body.scriptId() == null || body.scriptId().isEmpty() ? null : body.scriptId());
        job.setOutputAssetName(output.assetName());
        job.setAppUserId(appUserId);
        job.setRequest(write(new VideoRequests.Document(job.getScriptId(), composition, output, body.reviewConfig(),
                body.callbackConfig(), body.actionConfig(), audioKeys)));
        queue.submit(job);
        return new VideoViews.Created(job.getJobId());
    }

    @Transactional(readOnly = true)
    public VideoViews.Detail show(String projectId, String jobId, boolean showScript, String baseUrl) {
        JobEntity job = find(projectId, jobId);
        VideoViews.Job view = view(job, baseUrl);
        Composition c = showScript ? read(job.getRequest()).composition() : null;
        return new VideoViews.Detail(view.jobId(), view.state(), view.jobType(), view.startTime(), view.endTime(),
                view.duration(), view.outputAssetConfig(), view.errorInfo(), view.createTime(), view.lastupdateTime(),
                job.getScriptId(), "MODEL", c == null ? null : c.modelAssetId(),
                c == null || c.voiceConfig() == null ? null : c.voiceConfig().withDefaults(),
                c == null ? null : c.videoConfig(), c == null ? null : c.shootScripts(),
                c == null ? null : c.backgroundMusicConfig());
    }

    @Transactional(readOnly = true)
    public VideoViews.JobList list(String projectId, dev.metastudio.emulator.edge.QueryParams query, String baseUrl) {
        VideoJobSearch.Page page = search.search(projectId, query);
        return new VideoViews.JobList((int) page.count(), page.jobs().stream().map(j -> view(j, baseUrl)).toList());
    }

    /** Only a WAITING job can be cancelled; the reference's error for any other state is MSS.20010048 (HTTP 500). */
    @Transactional
    public void cancel(String projectId, String jobId) {
        JobEntity job = find(projectId, jobId);
        if (!queue.cancel(jobId, projectId, JobKind.VIDEO_2D)) {
            throw new ApiException(500, NOT_WAITING, "The task is not in the WAITING status and cannot be operated:"
                    + " job " + jobId + " is " + jobs.findById(jobId).map(JobEntity::getState).orElse(job.getState()));
        }
    }

    VideoViews.Job view(JobEntity job, String baseUrl) {
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

    private JobEntity find(String projectId, String jobId) {
        return jobs.findByJobIdAndProjectIdAndKind(jobId, projectId, JobKind.VIDEO_2D)
                .orElseThrow(() -> ApiException.notFound("video job", jobId));
    }

    static String write(VideoRequests.Document document) {
        try {
            return JsonColumns.MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static VideoRequests.Document read(String json) {
        try {
            return JsonColumns.MAPPER.readValue(json, VideoRequests.Document.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable job document", e);
        }
    }
}
