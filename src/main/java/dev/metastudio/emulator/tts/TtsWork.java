package dev.metastudio.emulator.tts;

import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkKind;
import dev.metastudio.emulator.work.WorkRunner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** TTS previews as a kind of work: WAITING, PROCESSING, then SUCCEED or FAILED (MSS.000000002 when lost). */
@Component
class TtsWork implements WorkKind {
    private final TtsRunner runner;
    private final TtsJobRepository jobs;
    private final Clock clock;

    TtsWork(TtsRunner runner, TtsJobRepository jobs, Clock clock) {
        this.runner = runner;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return TtsService.KIND;
    }

    @Override
    public WorkRunner runner() {
        return runner;
    }

    @Override
    public String initialState() {
        return TtsJobState.WAITING.name();
    }

    @Override
    public String startedState() {
        return TtsJobState.PROCESSING.name();
    }

    @Override
    public String failedState() {
        return TtsJobState.FAILED.name();
    }

    @Override
    public boolean terminal(String state) {
        return TtsJobState.valueOf(state).terminal();
    }

    @Override
    public String internalErrorCode() {
        return TtsCodes.INTERNAL_ERROR;
    }

    @Override
    public void requeued(WorkItem item) {
        jobs.lock(item.subjectId()).ifPresent(job -> job.requeue(clock.instant()));
    }

    @Override
    public void failed(WorkItem item, String code, String message) {
        jobs.lock(item.subjectId()).filter(job -> !job.getState().terminal())
                .ifPresent(job -> job.fail(code, message, clock.instant()));
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        Map<String, Object> view = new LinkedHashMap<>();
        jobs.findById(subjectId).ifPresent(job -> {
            view.put("duration", job.getDuration());
            view.put("error_code", job.getErrorCode());
            view.put("error_msg", job.getErrorMsg());
        });
        return view;
    }
}
