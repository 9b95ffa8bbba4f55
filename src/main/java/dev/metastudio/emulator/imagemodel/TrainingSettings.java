package dev.metastudio.emulator.imagemodel;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emulator's settings for image-model training (environment METASTUDIO_TRAINING_*):
 * <ul>
 *   <li>{@code metastudio.training.dwell} (METASTUDIO_TRAINING_DWELL, default 1s): the least time each documented
 *       state lasts in real-time progression, so a client can observe the walk; immediate progression skips it.</li>
 *   <li>{@code metastudio.training.min-video-seconds} / {@code max-video-seconds} (default 180 / 600): the reference's
 *       "The video length must range from 3 minutes to 10 minutes"; relaxing them is a visible setting.</li>
 *   <li>{@code metastudio.training.na-projects} (comma-separated project ids, default none): the whitelisted NA
 *       tenants of 8.6 (CONFIRM_* commands, WAIT_USER_CONFIRM, no ID documents needed).</li>
 *   <li>{@code metastudio.training.max-jobs} (default 100): "Too many training tasks" (MSS.41000004) beyond it.</li>
 * </ul>
 */
@Component
class TrainingSettings {
    private final Duration dwell;
    private final int minVideoSeconds;
    private final int maxVideoSeconds;
    private final Set<String> naProjects;
    private final int maxJobs;

    TrainingSettings(@Value("${metastudio.training.dwell:1s}") Duration dwell,
                     @Value("${metastudio.training.min-video-seconds:180}") int minVideoSeconds,
                     @Value("${metastudio.training.max-video-seconds:600}") int maxVideoSeconds,
                     @Value("${metastudio.training.na-projects:}") String naProjects,
                     @Value("${metastudio.training.max-jobs:100}") int maxJobs) {
        if (dwell.isNegative()) {
            throw new IllegalArgumentException("metastudio.training.dwell must not be negative: " + dwell);
        }
        if (minVideoSeconds < 0 || maxVideoSeconds < minVideoSeconds) {
            throw new IllegalArgumentException("metastudio.training video seconds: need 0 <= min <= max, got "
                    + minVideoSeconds + ".." + maxVideoSeconds);
        }
        this.dwell = dwell;
        this.minVideoSeconds = minVideoSeconds;
        this.maxVideoSeconds = maxVideoSeconds;
        this.naProjects = Arrays.stream(naProjects.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.maxJobs = maxJobs;
    }

    Duration dwell() {
        return dwell;
    }

    TrainingVideoRules rules(String projectId) {
        return new TrainingVideoRules(minVideoSeconds, maxVideoSeconds, na(projectId));
    }

    boolean na(String projectId) {
        return naProjects.contains(projectId);
    }

    int maxJobs() {
        return maxJobs;
    }
}
