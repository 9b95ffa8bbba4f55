package dev.metastudio.emulator.work;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's side of running work: claims, leases, recovery, and the transactions a runner's results are
 * committed in. Every write a runner causes happens in a transaction that first locks the item's row and checks
 * this node still holds it, so a job whose item was taken over, cancelled, failed or deleted never writes again.
 */
@Component
class WorkEngine {
    private static final Logger LOG = LoggerFactory.getLogger(WorkEngine.class);

    /** The progression gate's view of an awaited transition. */
    enum Gate { GRANTED, WAITING, LOST }

    private final WorkRows rows;
    private final WorkKinds kinds;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final WorkerProperties properties;
    private final LocalWakeups wakeups;

    WorkEngine(WorkRows rows, WorkKinds kinds, TransactionTemplate tx, Clock clock, WorkerProperties properties,
               LocalWakeups wakeups) {
        this.rows = rows;
        this.kinds = kinds;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.wakeups = wakeups;
    }

    WorkKinds kinds() {
        return kinds;
    }

    /** The oldest queued item this node can run (its kinds, its capabilities), now RUNNING under its lease. */
    Optional<WorkItem> claim(String nodeId, List<String> kindNames, List<String> capabilities) {
        int limit = properties.maxProcessingPerTenant();
        Optional<String> claimed = rows.isPostgres()
                ? tx.execute(status -> {
                    Optional<String> taken = rows.candidates(kindNames, capabilities, limit, true).stream()
                            .findFirst().filter(id -> take(id, nodeId));
                    if (taken.isEmpty()) {
                        // Nothing written: a rollback keeps an empty poll from counting as a write (LocalWrites), which
                        // would drop every read cache of this node twice a second per worker.
                        status.setRollbackOnly();
                    }
                    return taken;
                })
                : rows.candidates(kindNames, capabilities, limit, false).stream()
                        .filter(id -> Boolean.TRUE.equals(tx.execute(status -> take(id, nodeId)))).findFirst();
        return claimed.flatMap(rows::find);
    }

    private boolean take(String workId, String nodeId) {
        Instant now = clock.instant();
        return rows.take(workId, nodeId, now.plus(properties.lease()), now);
    }

    boolean renew(String workId, String nodeId, Integer done, Integer total) {
        return rows.renew(workId, nodeId, clock.instant().plus(properties.lease()), done, total);
    }

    List<WorkRows.Signal> signals(String nodeId) {
        return rows.signals(nodeId);
    }

    /**
     * Under manual progression: GRANTED when an advance to {@code state} was given, otherwise records that the job
     * awaits it (once) and answers WAITING; LOST when this node no longer holds the item.
     */
    Gate gate(String workId, String nodeId, String state) {
        return tx.execute(status -> rows.lockHeld(workId, nodeId).map(item -> {
            if (state.equals(item.grantedState())) {
                return Gate.GRANTED;
            }
            if (!state.equals(item.awaitingState())) {
                rows.await(workId, state, clock.instant());
            }
            return Gate.WAITING;
        }).orElse(Gate.LOST));
    }

    /** The transition's transaction: the feature's change and the item's new state, only while held. */
    boolean commit(String workId, String nodeId, String state, BooleanSupplier apply, boolean terminal, Integer done,
                   Integer total) {
        return Boolean.TRUE.equals(tx.execute(status -> rows.lockHeld(workId, nodeId).map(item -> {
            if (!apply.getAsBoolean()) {
                status.setRollbackOnly();
                return false;
            }
            Instant now = clock.instant();
            rows.renew(workId, nodeId, now.plus(properties.lease()), done, total);
            if (terminal) {
                rows.finish(workId, state, now);
            } else {
                rows.enterState(workId, state, now);
            }
            return true;
        }).orElse(false)));
    }

    /** Like {@link #commit}, leaving the item parked (unheld, waiting for a command) in {@code state}. */
    boolean park(String workId, String nodeId, String state, BooleanSupplier apply) {
        return Boolean.TRUE.equals(tx.execute(status -> rows.lockHeld(workId, nodeId).map(item -> {
            if (!apply.getAsBoolean()) {
                status.setRollbackOnly();
                return false;
            }
            rows.park(workId, state, clock.instant());
            return true;
        }).orElse(false)));
    }

    <T> Optional<T> transact(String workId, String nodeId, Supplier<T> work) {
        return tx.execute(status -> rows.lockHeld(workId, nodeId).map(item -> work.get()));
    }

    /** The kind's failure path, if this node still holds the item. */
    boolean failHeld(String workId, String nodeId, String code, String message) {
        return Boolean.TRUE.equals(tx.execute(status -> rows.lockHeld(workId, nodeId)
                .map(item -> failLocked(item, code, message)).orElse(false)));
    }

    /** The kind's failure path for an item whoever holds it (an injected fault): its runner loses the lease. */
    boolean fail(String workId, String code, String message) {
        boolean failed = Boolean.TRUE.equals(tx.execute(status -> rows.lock(workId)
                .filter(item -> item.queueState() != QueueState.DONE)
                .map(item -> failLocked(item, code, message)).orElse(false)));
        if (failed) {
            wakeups.signalled();
        }
        return failed;
    }

    private boolean failLocked(WorkItem item, String code, String message) {
        WorkKind kind = kinds.get(item.kind());
        kind.failed(item, code, message);
        rows.finish(item.workId(), kind.failedState(), clock.instant());
        return true;
    }

    /** This node shuts down: the item goes back to the queue without spending an attempt. */
    void release(String workId, String nodeId) {
        tx.executeWithoutResult(status -> rows.lockHeld(workId, nodeId).ifPresent(item -> requeue(item, true)));
    }

    List<WorkCommand> takeCommands(String workId, String nodeId) {
        return tx.execute(status -> rows.lockHeld(workId, nodeId)
                .map(item -> rows.takeCommands(workId, clock.instant())).orElse(List.of()));
    }

    void completeCommand(String workId, String nodeId, String commandId, boolean succeeded, String result) {
        tx.executeWithoutResult(status -> rows.lockHeld(workId, nodeId)
                .ifPresent(item -> rows.completeCommand(workId, commandId, succeeded, result, clock.instant())));
    }

    /**
     * Items whose node stopped renewing (a killed node) go back to the queue for another node, or fail through
     * their kind's failure path with its internal-error code once they have used their attempts.
     */
    int recoverExpiredLeases() {
        Instant now = clock.instant();
        int recovered = 0;
        for (String workId : rows.expired(now)) {
            Boolean done = tx.execute(status -> rows.lock(workId)
                    .filter(w -> w.queueState() == QueueState.RUNNING && w.leaseUntil() != null
                            && w.leaseUntil().isBefore(now))
                    .map(item -> {
                        WorkKind kind = kinds.get(item.kind());
                        if (!kind.resumesAfterLeaseLoss()) {
                            failLocked(item, kind.internalErrorCode(), "Heartbeat of the task was lost: the worker"
                                    + " running this job stopped renewing its lease, and it is not resumed elsewhere");
                        } else if (item.attempts() >= properties.maxAttempts()) {
                            failLocked(item, kind.internalErrorCode(), "Undefined internal error:"
                                    + " the worker running this job stopped " + item.attempts() + " times (lease expired)");
                        } else {
                            requeue(item, false);
                        }
                        return true;
                    }).orElse(false));
            recovered += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return recovered;
    }

    /** HELD items become claimable once their kind's progression is no longer manual. */
    int releaseHeld() {
        int released = 0;
        for (String kind : rows.heldKinds()) {
            if (!kinds.progression(kind).manual()) {
                released += rows.releaseHeld(kind, clock.instant());
            }
        }
        return released;
    }

    private void requeue(WorkItem item, boolean refund) {
        WorkKind kind = kinds.get(item.kind());
        kind.requeued(item);
        String awaiting = kinds.progression(kind.name()).manual() ? kind.startedState() : null;
        rows.requeue(item.workId(), kind.initialState(), awaiting, refund, clock.instant());
        LOG.debug("Work item {} ({} {}) back in the queue", item.workId(), item.kind(), item.subjectId());
        wakeups.queued();
    }
}
