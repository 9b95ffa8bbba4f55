package dev.metastudio.emulator.work;

import java.time.Duration;

/**
 * How the jobs of a kind progress. {@code REALTIME} (the default): as long as the work takes, output paced to the
 * clock where the kind paces (live). {@code IMMEDIATE}: no pacing, each state left as soon as its work is done.
 * {@code MANUAL}: a job waits in each documented state until it is advanced ({@link WorkQueue#advance}); its work
 * runs as soon as it enters a state. {@code minDwell} holds a job at least that long in each state its work moves it
 * through (PROCESSING for a video job).
 */
public record Progression(Mode mode, Duration minDwell) {
    public static final Progression DEFAULT = new Progression(Mode.REALTIME, Duration.ZERO);

    public enum Mode { REALTIME, IMMEDIATE, MANUAL }

    public Progression {
        minDwell = minDwell == null || minDwell.isNegative() ? Duration.ZERO : minDwell;
    }

    public boolean manual() {
        return mode == Mode.MANUAL;
    }

    public boolean paced() {
        return mode != Mode.IMMEDIATE;
    }
}
