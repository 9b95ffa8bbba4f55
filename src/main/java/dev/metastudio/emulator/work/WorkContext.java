package dev.metastudio.emulator.work;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a running item may ask of the queue. Signals (a stop, a command, an advance) reach it within a poll interval
 * of the node's heartbeat (250 ms by default; at once when given on the same node).
 */
public interface WorkContext {

    enum StopReason {
        NONE,
        /** The feature asked the job to stop (a live job's stop): wind down and make the final transition. */
        STOP,
        /** Another node took the item over, or it was cancelled, failed or deleted: never write again. */
        LEASE_LOST,
        /** This node is shutting down: the item goes back to the queue and runs again elsewhere. */
        SHUTDOWN
    }

    String nodeId();

    /** Whether this node has a GPU (and so may use a hardware encoder). */
    boolean gpu();

    /** Records progress (written with the next lease renewal; cheap to call per frame). */
    void progress(int done, int total);

    /** True once the work should end: see {@link #stopReason()}. */
    boolean stopRequested();

    StopReason stopReason();

    /** Whether the output is held to the wall clock (progression realtime or manual) or produced at full speed. */
    boolean paced();

    /**
     * Moves the job to the documented {@code state} through the progression gate: under manual progression it
     * waits (honouring stop) until the job is advanced to that state; with a minimum dwell it waits until the job
     * has been in its current state that long. Then, in one transaction and only while this node still holds the
     * item, it runs {@code apply} (the feature's change to its job row; returning false vetoes the transition) and
     * records the state; a terminal state finishes the item. Returns false when nothing was written.
     */
    boolean transition(String state, BooleanSupplier apply);

    /**
     * Like {@link #transition}, into a state the job leaves only on a tenant's command (a training job's
     * WAIT_USER_CONFIRM): the item is parked, no node holds it, and the runner should return. The next command
     * (or a stop) queues it again; the runner that resumes it sees the parked state as {@link WorkItem#jobState()}
     * and takes the command with {@link #takeCommands()}.
     */
    boolean park(String state, BooleanSupplier apply);

    /** Runs {@code work} in a transaction only while this node still holds the item; empty when it does not. */
    <T> Optional<T> transact(Supplier<T> work);

    /** The commands sent since the last call, in order, now TAKEN (empty without a database call when none). */
    List<WorkCommand> takeCommands();

    /** Records a taken command's outcome (its result is the runner's JSON document). */
    void completeCommand(String commandId, boolean succeeded, String resultJson);

    /**
     * Sleeps until a signal (stop, command, advance, lost lease) or the timeout; true when signalled. An interrupt
     * ends the wait as a signal (the interrupt flag stays set).
     */
    boolean awaitSignal(Duration timeout);
}
