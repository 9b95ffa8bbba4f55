package dev.metastudio.emulator.live.job;

import dev.metastudio.emulator.live.room.LiveRooms;
import dev.metastudio.emulator.live.room.LiveState;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkKind;
import dev.metastudio.emulator.work.WorkRunner;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Live jobs as a kind of work (LIVE): WAITING, PROCESSING, then SUCCEED or FAILED. A worker that dies leaves its job
 * FAILED with MSS.20010138 (heartbeat lost): the lease recovery of any node fails it once the lease has expired
 * ({@link #resumesAfterLeaseLoss}); a job put back in the queue otherwise (its node shut down) fails at its next
 * claim.
 */
@Component
class LiveWork implements WorkKind {
    static final String KIND = "LIVE";

    private final LiveRunner runner;
    private final LiveJobRows rows;
    private final LiveRooms rooms;
    private final LiveStreams streams;
    private final Clock clock;

    LiveWork(LiveRunner runner, LiveJobRows rows, LiveRooms rooms, LiveStreams streams, Clock clock) {
        this.runner = runner;
        this.rows = rows;
        this.rooms = rooms;
        this.streams = streams;
        this.clock = clock;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public WorkRunner runner() {
        return runner;
    }

    @Override
    public String initialState() {
        return LiveJobState.WAITING.name();
    }

    @Override
    public String startedState() {
        return LiveJobState.PROCESSING.name();
    }

    @Override
    public String failedState() {
        return LiveJobState.FAILED.name();
    }

    @Override
    public boolean terminal(String state) {
        return LiveJobState.valueOf(state).terminal();
    }

    @Override
    public String internalErrorCode() {
        return LiveCodes.HEARTBEAT_LOST;
    }

    /** A live stream is not resumed elsewhere: the lease recovery fails it at once (MSS.20010138). */
    @Override
    public boolean resumesAfterLeaseLoss() {
        return false;
    }

    @Override
    public void requeued(WorkItem item) {
        rows.lock(item.subjectId()).ifPresent(job -> rows.requeue(job.jobId(), clock.instant()));
    }

    @Override
    public void failed(WorkItem item, String code, String message) {
        rows.lock(item.subjectId()).filter(job -> !job.state().terminal()).ifPresent(job -> {
            rows.finish(job.jobId(), LiveJobState.FAILED, code, message, null, null, clock.instant());
            rooms.markLiveState(job.projectId(), job.roomId(), job.jobId(), LiveState.FAILED, null, clock.instant());
        });
    }

    @Override
    public Map<String, Object> describe(String subjectId) {
        Map<String, Object> view = new LinkedHashMap<>();
        rows.find(subjectId).ifPresent(job -> {
            view.put("room_id", job.roomId());
            view.put("duration", job.duration());
            view.put("stream_duration", job.streamDuration());
            view.put("hls_url", "/_emulator/live/" + job.jobId() + "/index.m3u8");
            view.put("error_code", job.errorCode());
            view.put("error_msg", job.errorMsg());
        });
        // On the node that streams it: the stream's own figures (frames made, pictures dropped to keep up with the
        // clock, frames behind the clock, the push's state) and each insert's delay from request to first sound.
        streams.session(subjectId).ifPresent(session -> {
            var stats = session.stats();
            Map<String, Object> live = new LinkedHashMap<>();
            live.put("frames", stats.frames());
            live.put("written", stats.written());
            live.put("dropped", stats.dropped());
            live.put("drift_frames", stats.driftFrames());
            live.put("clock_seconds", stats.clockSeconds());
            live.put("link", session.linkState());
            Map<String, Long> latencies = new LinkedHashMap<>();
            session.latencies().forEach((id, frames) -> latencies.put(id, frames * 40));
            live.put("insert_latency_ms", latencies);
            view.put("stream", live);
        });
        return view;
    }
}
