package dev.metastudio.emulator.work;

/** What {@link WorkQueue#advance} did to a job under manual progression. */
public sealed interface Advance {

    /** The job is now in {@code to}. */
    record Advanced(String from, String to) implements Advance {
    }

    /** Granted, but no worker entered {@code to} within the wait (e.g. the queue is paused or no node runs the kind). */
    record Pending(String from, String to) implements Advance {
    }

    /** The work of the current state is not done yet: nothing waits for an advance. */
    record StillWorking(String state) implements Advance {
    }

    /** The job waits in a state the tenant leaves with a command (its runner parked it), not with an advance. */
    record AwaitingCommand(String state) implements Advance {
    }

    /** The job's kind does not progress manually, and nothing waits for an advance. */
    record NotManual(String state) implements Advance {
    }

    record Terminal(String state) implements Advance {
    }

    record Unknown(String jobId) implements Advance {
    }
}
