package dev.metastudio.emulator.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work queue as features and the control plane use it. The database is the queue: a feature submits a work
 * item in the transaction that creates its job, any node that runs the kind claims it ({@code FOR UPDATE SKIP
 * LOCKED} on PostgreSQL, a compare-and-set elsewhere), holds a renewed lease, and commits each transition only
 * while it holds it. Stops, commands, advances and faults are signals the running node sees within its heartbeat's
 * poll interval.
 */
@Component
public class WorkQueue {
    private static final Duration COMMAND_POLL = Duration.ofMillis(50);

    private final WorkRows rows;
    private final WorkEngine engine;
    private final WorkKinds kinds;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LocalWakeups wakeups;

    WorkQueue(WorkRows rows, WorkEngine engine, WorkKinds kinds, TransactionTemplate tx, Clock clock,
              LocalWakeups wakeups) {
        this.rows = rows;
        this.engine = engine;
        this.kinds = kinds;
        this.tx = tx;
        this.clock = clock;
        this.wakeups = wakeups;
    }

    /**
     * Queues the work of a feature's job ({@code subjectId}) in the caller's transaction; this node's idle workers
     * wake when it commits. Under manual progression it is HELD until advanced to the kind's started state.
     */
    @Transactional
    public WorkItem submit(String kind, String projectId, String subjectId, String capability) {
        WorkKind k = kinds.get(kind);
        Instant now = clock.instant();
        boolean manual = kinds.progression(kind).manual();
        WorkItem item = new WorkItem(UUID.randomUUID().toString(), kind, projectId, subjectId,
                capability == null ? "cpu" : capability, manual ? QueueState.HELD : QueueState.QUEUED,
                k.initialState(), now, 0, null, null, null, null, null, 0, false, manual ? k.startedState() : null,
                null, now, now, null, null);
        rows.insert(item);
        wakeups.queued();
        return item;
    }

    /**
     * Ends the item now, in the caller's transaction, with the feature's documented {@code state} (CANCELED...): a
     * runner that holds it loses its lease and never writes again. Whether the job may be cancelled is the
     * feature's rule, checked on its own row after this call (lock order: work item, then the feature's job).
     * False when the item was already finished.
     */
    @Transactional
    public boolean cancel(String kind, String subjectId, String state) {
        boolean cancelled = rows.find(kind, subjectId).flatMap(item -> rows.lock(item.workId()))
                .filter(item -> item.queueState() != QueueState.DONE)
                .map(item -> {
                    rows.finish(item.workId(), state, clock.instant());
                    return true;
                }).orElse(false);
        if (cancelled) {
            wakeups.signalled();
        }
        return cancelled;
    }

    /**
     * Asks the job's runner to stop (a live job's stop): it sees {@link WorkContext.StopReason#STOP} and makes its
     * final transition. An item not claimed yet starts stopped. Empty when there is no such unfinished item.
     */
    @Transactional
    public Optional<WorkItem> stop(String kind, String subjectId) {
        Optional<WorkItem> item = rows.find(kind, subjectId)
                .filter(w -> rows.requestStop(w.workId(), clock.instant()))
                .flatMap(w -> rows.find(w.workId()));
        item.filter(w -> rows.unpark(w.workId(), clock.instant())).ifPresent(w -> wakeups.queued());
        item.ifPresent(w -> wakeups.signalled());
        return item;
    }

    /**
     * Sends a command to an unfinished job; its runner takes commands in order, and a job parked waiting for one is
     * queued again. Empty when the job is finished.
     */
    @Transactional
    public Optional<WorkCommand> command(String kind, String subjectId, String name, String payloadJson) {
        Optional<WorkCommand> command = rows.find(kind, subjectId).flatMap(w -> rows.lock(w.workId()))
                .filter(w -> w.queueState() != QueueState.DONE)
                .map(w -> {
                    WorkCommand added = rows.addCommand(w.workId(), name, payloadJson, clock.instant());
                    if (rows.unpark(w.workId(), clock.instant())) {
                        wakeups.queued();
                    }
                    return added;
                });
        command.ifPresent(c -> wakeups.signalled());
        return command;
    }

    public Optional<WorkCommand> command(String commandId) {
        return rows.command(commandId);
    }

    /** The command once its runner has completed it, or as it is after {@code timeout}. */
    public Optional<WorkCommand> awaitCommand(String commandId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<WorkCommand> command = rows.command(commandId);
            if (command.isEmpty() || command.get().state().finished() || System.nanoTime() > deadline) {
                return command;
            }
            Thread.sleep(COMMAND_POLL.toMillis());
        }
    }

    /**
     * Fails the job now through its kind's failure path (state, code, callback) whoever runs it: the hook for
     * injected job faults. False when the item is already finished.
     */
    public boolean fail(String workId, String code, String message) {
        return engine.fail(workId, code, message);
    }

    /**
     * Manual progression: lets the transition the job awaits go ahead, then waits up to {@code wait} for its
     * runner to make it. One documented transition per call.
     */
    public Advance advance(String jobId, Duration wait) throws InterruptedException {
        Optional<WorkItem> found = rows.findBySubject(jobId);
        if (found.isEmpty()) {
            return new Advance.Unknown(jobId);
        }
        String workId = found.get().workId();
        Advance decided = tx.execute(status -> rows.lock(workId).<Advance>map(item -> {
            WorkKind kind = kinds.get(item.kind());
            if (item.queueState() == QueueState.DONE || kind.terminal(item.jobState())) {
                return new Advance.Terminal(item.jobState());
            }
            if (item.queueState() == QueueState.PARKED) {
                return new Advance.AwaitingCommand(item.jobState());
            }
            if (item.awaitingState() == null) {
                return kinds.progression(item.kind()).manual() ? new Advance.StillWorking(item.jobState())
                        : new Advance.NotManual(item.jobState());
            }
            rows.grant(workId, item.awaitingState(), clock.instant());
            wakeups.queued();
            wakeups.signalled();
            return new Advance.Pending(item.jobState(), item.awaitingState());
        }).orElse(new Advance.Unknown(jobId)));
        if (!(decided instanceof Advance.Pending pending)) {
            return decided;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<WorkItem> now = rows.find(workId);
            if (now.isEmpty()) {
                return new Advance.Unknown(jobId);
            }
            if (!now.get().jobState().equals(pending.from())) {
                return new Advance.Advanced(pending.from(), now.get().jobState());
            }
            Thread.sleep(20);
        }
        return pending;
    }

    /**
     * Removes every work item of a project (of every project when null: a control-plane reset), in the caller's transaction: their runners
     * lose them within a signal interval and never write again. The features delete their own jobs.
     */
    @Transactional
    public int removeProject(String projectId) {
        int removed = rows.deleteProject(projectId);
        wakeups.signalled();
        return removed;
    }

    public Optional<WorkItem> item(String kind, String subjectId) {
        return rows.find(kind, subjectId);
    }

    /** The item of a job id, whatever its kind. */
    public Optional<WorkItem> itemOfJob(String jobId) {
        return rows.findBySubject(jobId);
    }

    /** Newest first; each filter optional. */
    public List<WorkItem> list(String projectId, String kind, String jobState, String queueState, int offset, int limit) {
        return rows.list(projectId, kind, jobState, queueState, offset, limit);
    }

    /** The kind's own fields for the control plane (empty for a kind no longer registered). */
    public Map<String, Object> describe(WorkItem item) {
        return kinds.names().contains(item.kind()) ? kinds.get(item.kind()).describe(item.subjectId()) : Map.of();
    }

    public List<String> kinds() {
        return kinds.names();
    }

    /** Paused, no node claims new items (running ones go on); a switch every node reads from the database. */
    public void setPaused(boolean paused) {
        tx.executeWithoutResult(status -> rows.setPaused(paused, clock.instant()));
        if (!paused) {
            wakeups.queued();
        }
    }

    public boolean paused() {
        return rows.paused();
    }
}
