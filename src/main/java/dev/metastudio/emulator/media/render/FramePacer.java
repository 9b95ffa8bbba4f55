package dev.metastudio.emulator.media.render;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Holds a stream to the wall clock: frame n is due at t0 + n * 40 ms, computed from the start every time, never by
 * adding up sleeps of 40 ms (each of which overshoots a little, so they drift by seconds an hour).
 */
final class FramePacer {

    static final long FRAME_NANOS = 1_000_000_000L / dev.metastudio.emulator.media.audio.Pcm.FPS;

    /** Waits until a time given by the clock (parks in production; tests move a fake clock). */
    interface Sleeper {
        void sleepUntil(long deadlineNanos, LongSupplier clock) throws InterruptedException;
    }

    static final Sleeper PARK = (deadline, clock) -> {
        long left;
        while ((left = deadline - clock.getAsLong()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    };

    private final LongSupplier clock;
    private final Sleeper sleeper;
    private volatile long start = Long.MIN_VALUE;

    FramePacer(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    static FramePacer wallClock() {
        return new FramePacer(System::nanoTime, PARK);
    }

    long deadline(long frame) {
        return start + frame * FRAME_NANOS;
    }

    /**
     * Waits for frame {@code frame}'s time (the first call sets t0) and returns how late it is then, in nanoseconds
     * (0 when on time; more when the composing and encoding of earlier frames took longer than their share).
     */
    long awaitFrame(long frame) throws InterruptedException {
        if (start == Long.MIN_VALUE) {
            start = clock.getAsLong() - frame * FRAME_NANOS;
        }
        long due = deadline(frame);
        if (clock.getAsLong() < due) {
            sleeper.sleepUntil(due, clock);
        }
        return Math.max(0, clock.getAsLong() - due);
    }

    /** Wall-clock nanoseconds since frame 0 was due (0 before it). */
    long elapsedNanos() {
        return start == Long.MIN_VALUE ? 0 : clock.getAsLong() - start;
    }

    /** Frames the clock says should have been produced since t0 (for the drift figure). */
    long framesDue() {
        return start == Long.MIN_VALUE ? 0 : (clock.getAsLong() - start) / FRAME_NANOS;
    }
}
