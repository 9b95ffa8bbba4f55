package dev.metastudio.emulator.work;

/**
 * Does the work of one item on a worker thread, with no transaction held. It moves the feature's job through its
 * documented states with {@link WorkContext#transition}, whose last call enters a terminal state and finishes the
 * item; a {@link WorkFailure} ends it through the kind's failure path instead. A runner that returns without a
 * terminal transition (and was not stopped) has its job failed with the kind's internal-error code, so no job stays
 * in a working state forever.
 */
@FunctionalInterface
public interface WorkRunner {
    void run(WorkItem item, WorkContext context) throws WorkFailure;
}
