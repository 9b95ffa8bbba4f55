package dev.metastudio.emulator.video.render;

import dev.metastudio.emulator.video.VideoCodes;
import dev.metastudio.emulator.video.VideoJobState;
import dev.metastudio.emulator.video.VideoJobs;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkKind;
import dev.metastudio.emulator.work.WorkRunner;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Video production jobs as a kind of work: WAITING, PROCESSING, then SUCCEED or FAILED (MSS.45001000 when lost). */
@Component
class VideoWork implements WorkKind {
    private final VideoJobRunner runner;
    private final VideoJobs jobs;

    VideoWork(VideoJobRunner runner, VideoJobs jobs) {
        this.runner = runner;
        this.jobs = jobs;
    }

    @Override
    public String name() {
        return VideoJobs.KIND;
    }

    @Override
    public WorkRunner runner() {
        return runner;
    }

    @Override
    public String initialState() {
        return VideoJobState.WAITING.name();
    }

    @Override
    public String startedState() {
        return VideoJobState.PROCESSING.name();
    }

    @Override
    public String failedState() {
        return VideoJobState.FAILED.name();
    }

    @Override
    public boolean terminal(String state) {
        return VideoJobState.valueOf(state).terminal();
    }

    @Override
    public String internalErrorCode() {
        return VideoCodes.INTERNAL;
    }

    @Override
    public void requeued(WorkItem item) {
        jobs.requeue(item.subjectId());
    }

    @Override
    public void failed(WorkItem item, String code, String message) {
        jobs.fail(item.subjectId(), code, message);
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        return jobs.describe(subjectId);
    }
}
