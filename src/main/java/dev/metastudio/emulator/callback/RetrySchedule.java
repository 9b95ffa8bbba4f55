package dev.metastudio.emulator.callback;

import java.time.Duration;

/** Exponential backoff: the initial wait after the first failed attempt, doubling after each further one, capped. */
record RetrySchedule(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    static RetrySchedule of(CallbackProperties properties) {
        return new RetrySchedule(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff());
    }

    /** Whether another attempt follows once {@code attemptsMade} have failed. */
    boolean retriesAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait after the {@code attemptsMade}-th failed attempt (1-based). */
    Duration backoffAfter(int attemptsMade) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attemptsMade && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
