package dev.metastudio.emulator.work;

import dev.metastudio.emulator.config.TenantData;
import org.springframework.stereotype.Component;

/**
 * A reset removes the project's work items first (as "jobs": one per job of every kind), so that a running job loses
 * its item before its feature's job row goes and never writes again.
 */
@Component
class WorkItemsData implements TenantData {
    private final WorkQueue queue;

    WorkItemsData(WorkQueue queue) {
        this.queue = queue;
    }

    @Override
    public String resource() {
        return "jobs";
    }

    @Override
    public long removeProject(String projectId) {
        return queue.removeProject(projectId);
    }

    @Override
    public int order() {
        return -100;
    }
}
