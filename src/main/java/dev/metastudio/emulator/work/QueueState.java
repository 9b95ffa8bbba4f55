package dev.metastudio.emulator.work;

/** Where a work item is in the queue; internal to the queue, never a feature's documented job state. */
public enum QueueState {
    /** Manual progression: waits for an advance before any node may claim it. */
    HELD,
    /** Claimable by a node that runs its kind and has its capability. */
    QUEUED,
    /** Claimed: a node runs it under a lease it renews. */
    RUNNING,
    /**
     * Its runner parked it in a state that waits for the tenant (a command): no node holds it; the next command
     * (or a stop) queues it again and a node resumes it.
     */
    PARKED,
    /** Finished; the feature's job says how. */
    DONE
}
