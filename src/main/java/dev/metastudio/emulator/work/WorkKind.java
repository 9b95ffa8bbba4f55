package dev.metastudio.emulator.work;

import java.util.Map;

/**
 * A kind of work a feature registers (one Spring bean per kind): the runner, the documented states the queue needs
 * to know, and the hooks the queue calls when it takes a job out of its runner's hands. The feature owns its job
 * table and states; the queue only drives the work (as spring-restbucks' engine drives the order aggregate).
 *
 * <p>Every hook runs inside the queue's transaction with the work item's row locked; it changes the feature's job
 * row (lock it in the same order: work item first, then the job) and may enqueue a callback in the same transaction.
 */
public interface WorkKind {

    /** The kind's name in the queue and on the control plane: VIDEO, TTS, LIVE, ... */
    String name();

    WorkRunner runner();

    /** The documented state of a job that waits for a worker (WAITING). */
    String initialState();

    /** The documented state a job enters when a worker starts it (PROCESSING): the first advance of manual mode. */
    String startedState();

    /** The documented state the failure path leaves a job in (FAILED). */
    String failedState();

    boolean terminal(String state);

    /** The kind's code for a job whose workers kept dying (attempts used up) or whose runner broke unexpectedly. */
    String internalErrorCode();

    /** Its worker stopped (lease lost, node shut down) and the job will run again: back to {@link #initialState}. */
    void requeued(WorkItem item);

    /** The documented failure: the job's state, code and message, and its callback as for any failure. */
    void failed(WorkItem item, String code, String message);

    /**
     * Whether a job whose node stopped renewing its lease goes back to the queue (true, the default) or fails at
     * once with {@link #internalErrorCode} when the lease recovery finds it (false: work that cannot be resumed on
     * another node, such as a live stream).
     */
    default boolean resumesAfterLeaseLoss() {
        return true;
    }

    /** Extra fields the control plane shows for a job of this kind (output, duration, error...). */
    default Map<String, Object> describe(String subjectId) {
        return Map.of();
    }
}
