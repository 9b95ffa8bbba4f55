package dev.metastudio.emulator.voicemodel;

import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkKind;
import dev.metastudio.emulator.work.WorkRunner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Voice training as a kind of work (VOICE_TRAINING): queued at SYSTEM_AUDITING by the submit, started into AUDITING
 * (the first advance under manual progression), FAILED with MSS.20020005 when its workers keep dying.
 */
@Component
class VoiceTrainingWork implements WorkKind {
    private final VoiceTrainingRunner runner;
    private final VoiceJobRepository jobs;
    private final Clock clock;

    VoiceTrainingWork(VoiceTrainingRunner runner, VoiceJobRepository jobs, Clock clock) {
        this.runner = runner;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return VoiceTrainingService.KIND;
    }

    @Override
    public WorkRunner runner() {
        return runner;
    }

    @Override
    public String initialState() {
        return JobState.SYSTEM_AUDITING.name();
    }

    @Override
    public String startedState() {
        return JobState.AUDITING.name();
    }

    @Override
    public String failedState() {
        return JobState.FAILED.name();
    }

    @Override
    public boolean terminal(String state) {
        try {
            return JobState.valueOf(state).terminal();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    @Override
    public String internalErrorCode() {
        return VoiceTrainingCodes.TRAINING_FAILED;
    }

    /** The review and training start over: the job is back under automatic review. */
    @Override
    public void requeued(WorkItem item) {
        jobs.lock(item.subjectId()).filter(j -> !j.state.terminal() && j.state != JobState.AUDIT_FAILED)
                .ifPresent(j -> {
                    j.state = JobState.SYSTEM_AUDITING;
                    j.updateTime = clock.instant();
                });
    }

    @Override
    public void failed(WorkItem item, String code, String message) {
        jobs.lock(item.subjectId()).filter(j -> !j.state.terminal()).ifPresent(j -> {
            j.state = JobState.FAILED;
            j.jobFailedCode = code;
            j.jobFailedReason = message;
            j.updateTime = clock.instant();
        });
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        Map<String, Object> view = new LinkedHashMap<>();
        jobs.findById(subjectId).ifPresent(j -> {
            view.put("job_type", j.jobType.name());
            view.put("asset_id", j.assetId);
            view.put("job_failed_code", j.jobFailedCode);
            if (j.timbre != null) {
                view.put("learnt", JsonColumns.read(j.timbre, Map.class));
            }
        });
        return view;
    }
}
