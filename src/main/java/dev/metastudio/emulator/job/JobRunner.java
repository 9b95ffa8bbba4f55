package dev.metastudio.emulator.job;

/**
 * Does the work of one kind of job on a worker. It runs without a database transaction held; what it produced is
 * committed through {@link Outcome#commit}, which the queue runs in the same transaction as the SUCCEED transition
 * and only if this node still holds the job, so a job's output is recorded at most once.
 */
public interface JobRunner {

    JobKind kind();

    Outcome run(JobEntity job, JobContext context) throws JobFailure;

    /** What a finished job leaves behind, applied to the still-locked job row inside the final transaction. */
    @FunctionalInterface
    interface Outcome {
        void commit(JobEntity job);

        /** Called instead of {@link #commit} when the result is not recorded (the lease was lost). */
        default void discard() {
        }
    }
}
