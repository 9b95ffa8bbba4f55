package dev.metastudio.emulator.imagemodel;

import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkKind;
import dev.metastudio.emulator.work.WorkRunner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Image-model training as a kind of work (IMAGE_TRAINING): one item per submission for review (subject
 * the job id, then {@code <job_id>.<n>} after an update), from AUTO_VERIFYING to a failure, JOB_SUCCESS or WAIT_USER_CONFIRM. The control plane's
 * progression rules (immediate, manual advance, minimum dwell) apply to it as to any kind.
 */
@Component
class ImageTrainingWork implements WorkKind {
    private final ImageTrainingRunner runner;
    private final ImageTrainingJobRepository jobs;
    private final Clock clock;

    ImageTrainingWork(ImageTrainingRunner runner, ImageTrainingJobRepository jobs, Clock clock) {
        this.runner = runner;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return ImageModelService.KIND;
    }

    @Override
    public WorkRunner runner() {
        return runner;
    }

    @Override
    public String initialState() {
        return ImageJobState.AUTO_VERIFYING.name();
    }

    @Override
    public String startedState() {
        return ImageJobState.MANUAL_VERIFYING.name();
    }

    @Override
    public String failedState() {
        return ImageJobState.TRAIN_FAILED.name();
    }

    @Override
    public boolean terminal(String state) {
        try {
            return ImageJobState.WORK_ENDS.contains(ImageJobState.valueOf(state));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public String internalErrorCode() {
        return ImageModelCodes.INTERNAL;
    }

    /** The job keeps its state: the next worker resumes the walk from it. */
    @Override
    public void requeued(WorkItem item) {
    }

    @Override
    public void failed(WorkItem item, String code, String message) {
        jobs.lock(ImageTrainingRunner.jobIdOf(item.subjectId()))
                .filter(job -> !ImageJobState.WORK_ENDS.contains(job.getState()))
                .ifPresent(job -> {
                    ImageJobState failed = job.getState().failure();
                    job.log(ImageJobState.failureLog(failed), code + ": " + message, "SYSTEM", clock.instant());
                    job.moveTo(failed, clock.instant());
                });
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        Map<String, Object> view = new LinkedHashMap<>();
        jobs.findById(ImageTrainingRunner.jobIdOf(subjectId)).ifPresent(job -> {
            view.put("name", job.getName());
            view.put("asset_id", job.getAssetId());
            view.put("model_resolution", job.getModelResolution());
        });
        return view;
    }
}
