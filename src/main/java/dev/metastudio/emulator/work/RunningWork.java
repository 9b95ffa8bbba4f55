package dev.metastudio.emulator.work;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One item running on this node: the runner's {@link WorkContext}, the progression gate its transitions pass, and
 * what the heartbeat learns about it (lost lease, stop, advance, pending commands).
 */
final class RunningWork implements WorkContext {
    /** How often a runner waiting in the gate re-reads its item and its kind's progression. */
    private static final long GATE_RECHECK_MS = 1000;

    interface Node {
        String nodeId();

        boolean gpu();

        boolean shuttingDown();
    }

    private final WorkItem item;
    private final WorkKind kind;
    private final WorkEngine engine;
    private final Node node;
    private final long registeredAt = System.nanoTime();
    private final Object monitor = new Object();
    private volatile boolean leaseHeld = true;
    private volatile boolean stopSignal;
    private volatile boolean finished;
    private volatile boolean parked;
    private volatile boolean signalled;
    private volatile long seenSeq;
    private volatile String granted;
    private volatile int pendingCommands = 1;
    private volatile Integer done;
    private volatile Integer total;
    private volatile String jobState;
    private volatile Instant stateSince;
    private volatile boolean transitioned;
    private Consumer<RunningWork> onFirstTransition = w -> { };

    RunningWork(WorkItem item, WorkKind kind, WorkEngine engine, Node node) {
        this.item = item;
        this.kind = kind;
        this.engine = engine;
        this.node = node;
        this.seenSeq = item.signalSeq();
        this.stopSignal = item.stopRequested();
        this.granted = item.grantedState();
        this.jobState = item.jobState();
        this.stateSince = item.stateSince();
    }

    WorkItem item() {
        return item;
    }

    WorkKind kind() {
        return kind;
    }

    boolean finished() {
        return finished;
    }

    boolean leaseHeld() {
        return leaseHeld;
    }

    Integer done() {
        return done;
    }

    Integer total() {
        return total;
    }

    void onFirstTransition(Consumer<RunningWork> action) {
        this.onFirstTransition = action;
    }

    // ---- What the heartbeat tells it

    /** A poll that started after this item was registered did not find it among the node's running items. */
    boolean registeredBefore(long pollStartedAt) {
        return registeredAt < pollStartedAt;
    }

    void signal(WorkRows.Signal signal) {
        boolean changed = signal.seq() != seenSeq;
        seenSeq = signal.seq();
        stopSignal = stopSignal || signal.stopRequested();
        granted = signal.grantedState();
        pendingCommands = signal.pendingCommands();
        if (changed) {
            wake();
        }
    }

    void leaseLost() {
        leaseHeld = false;
        wake();
    }

    void wake() {
        synchronized (monitor) {
            signalled = true;
            monitor.notifyAll();
        }
    }

    // ---- WorkContext

    @Override
    public String nodeId() {
        return node.nodeId();
    }

    @Override
    public boolean gpu() {
        return node.gpu();
    }

    @Override
    public void progress(int framesDone, int framesTotal) {
        this.done = framesDone;
        this.total = framesTotal;
    }

    @Override
    public boolean stopRequested() {
        return stopReason() != StopReason.NONE;
    }

    @Override
    public StopReason stopReason() {
        if (!leaseHeld || finished || parked) {
            return StopReason.LEASE_LOST;
        }
        if (node.shuttingDown()) {
            return StopReason.SHUTDOWN;
        }
        return stopSignal ? StopReason.STOP : StopReason.NONE;
    }

    @Override
    public boolean paced() {
        return engine.kinds().progression(kind.name()).paced();
    }

    @Override
    public boolean transition(String state, BooleanSupplier apply) {
        if (!passGate(state)) {
            return false;
        }
        boolean terminal = kind.terminal(state);
        boolean committed = engine.commit(item.workId(), node.nodeId(), state, apply, terminal, done, total);
        if (committed) {
            jobState = state;
            stateSince = Instant.now();
            granted = null;
            finished = terminal;
            if (!transitioned) {
                transitioned = true;
                onFirstTransition.accept(this);
            }
        }
        return committed;
    }

    @Override
    public boolean park(String state, BooleanSupplier apply) {
        if (!passGate(state)) {
            return false;
        }
        boolean committed = engine.park(item.workId(), node.nodeId(), state, apply);
        if (committed) {
            jobState = state;
            parked = true;
        }
        return committed;
    }

    /** Parked by its runner: ended for now without a result, and not a failure. */
    boolean parked() {
        return parked;
    }

    @Override
    public <T> Optional<T> transact(Supplier<T> work) {
        if (aborted()) {
            return Optional.empty();
        }
        return engine.transact(item.workId(), node.nodeId(), work);
    }

    @Override
    public List<WorkCommand> takeCommands() {
        if (pendingCommands == 0 || aborted()) {
            return List.of();
        }
        pendingCommands = 0;
        return engine.takeCommands(item.workId(), node.nodeId());
    }

    @Override
    public void completeCommand(String commandId, boolean succeeded, String resultJson) {
        if (!aborted()) {
            engine.completeCommand(item.workId(), node.nodeId(), commandId, succeeded, resultJson);
        }
    }

    @Override
    public boolean awaitSignal(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!signalled && !stopRequested()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            signalled = false;
            return true;
        }
    }

    /** The runner's failure, through the same gate as any transition out of the current state. */
    boolean fail(String code, String message) {
        return passGate(kind.failedState()) && engine.failHeld(item.workId(), node.nodeId(), code, message);
    }

    // ---- The progression gate

    private boolean aborted() {
        StopReason reason = stopReason();
        return reason == StopReason.LEASE_LOST || reason == StopReason.SHUTDOWN;
    }

    /**
     * Waits until the transition to {@code state} may be made: an advance under manual progression, the minimum
     * dwell otherwise. A stop signal opens the gate at once; false when the item is no longer this node's to write.
     */
    private boolean passGate(String state) {
        while (!aborted()) {
            if (stopSignal) {
                return true;
            }
            Progression progression = engine.kinds().progression(kind.name());
            if (progression.manual()) {
                if (state.equals(granted)) {
                    return true;
                }
                switch (engine.gate(item.workId(), node.nodeId(), state)) {
                    case GRANTED -> {
                        return true;
                    }
                    case LOST -> {
                        leaseLost();
                        return false;
                    }
                    case WAITING -> pause(GATE_RECHECK_MS);
                }
            } else {
                long left = dwellLeft(progression.minDwell());
                if (left <= 0) {
                    return true;
                }
                pause(Math.min(left, GATE_RECHECK_MS));
            }
        }
        return false;
    }

    /** No dwell in the state a job waits for a worker in: only the states its work moves it through. */
    private long dwellLeft(Duration minDwell) {
        if (minDwell.isZero() || jobState.equals(kind.initialState())) {
            return 0;
        }
        return Duration.between(Instant.now(), stateSince.plus(minDwell)).toMillis();
    }

    private void pause(long millis) {
        awaitSignal(Duration.ofMillis(millis));
        if (Thread.currentThread().isInterrupted()) {
            leaseLost();
        }
    }
}
