package dev.metastudio.emulator.live.job;

import dev.metastudio.emulator.config.TenantData;
import dev.metastudio.emulator.work.WorkQueue;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What a reset removes of the live jobs: the rows (a running job loses its work item with the queue's
 * removeProject, so its stream stops within a signal interval and never writes again) and their HLS folders.
 * Before the rooms (order 0): jobs refer to rooms.
 */
@Component
class LiveTenantData implements TenantData {
    private final LiveJobRows rows;
    private final LiveStreams streams;
    private final WorkQueue queue;

    LiveTenantData(LiveJobRows rows, LiveStreams streams, WorkQueue queue) {
        this.rows = rows;
        this.streams = streams;
        this.queue = queue;
    }

    @Override
    public String resource() {
        return "live_jobs";
    }

    @Override
    public long removeProject(String projectId) {
        List<String> active = rows.activeJobIds(projectId);
        for (String jobId : active) {
            queue.stop(LiveWork.KIND, jobId);
        }
        int removed = rows.deleteProject(projectId);
        active.forEach(streams::ended);
        return removed;
    }

    @Override
    public int order() {
        return -5;
    }
}
