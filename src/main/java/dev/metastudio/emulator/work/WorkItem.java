package dev.metastudio.emulator.work;

import java.time.Instant;

/**
 * A work item as the queue holds it. {@code subjectId} is the feature's own job id; {@code jobState} the documented
 * state the feature's job last entered through the queue; {@code awaitingState} the state it waits to be advanced
 * to under manual progression.
 */
public record WorkItem(String workId, String kind, String projectId, String subjectId, String capability,
                       QueueState queueState, String jobState, Instant stateSince, int attempts, String leaseOwner,
                       Instant leaseUntil, String lastOwner, Integer progressDone, Integer progressTotal,
                       long signalSeq, boolean stopRequested, String awaitingState, String grantedState,
                       Instant createTime, Instant updateTime, Instant startTime, Instant endTime) {
}
