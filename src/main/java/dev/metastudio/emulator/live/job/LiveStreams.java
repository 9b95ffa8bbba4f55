package dev.metastudio.emulator.live.job;

import dev.metastudio.emulator.config.EmulatorProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The live streams of this node: their HLS folders under {@code <data-dir>/live/<job_id>/} (kept while the job runs
 * plus a grace time, {@code metastudio.live.hls-grace}, default 30 s, then deleted) and the running sessions.
 */
@Component
class LiveStreams {
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Path root;
    private final Duration grace;
    private final Map<String, LiveRunner.Session> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-hls-cleaner");
        t.setDaemon(true);
        return t;
    });

    LiveStreams(EmulatorProperties properties, @Value("${metastudio.live.hls-grace:30s}") Duration grace) {
        this.root = properties.dataDir().resolve("live");
        this.grace = grace;
    }

    /** The job's HLS folder; empty for an id that cannot be one. */
    Optional<Path> existing(String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            return Optional.empty();
        }
        Path folder = root.resolve(jobId);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    Path folder(String jobId) {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new IllegalArgumentException("not a job id: " + jobId);
        }
        return root.resolve(jobId);
    }

    void running(String jobId, LiveRunner.Session session) {
        running.put(jobId, session);
    }

    Optional<LiveRunner.Session> session(String jobId) {
        return Optional.ofNullable(running.get(jobId));
    }

    /** The stream ended: its HLS stays for the grace time. */
    void ended(String jobId) {
        running.remove(jobId);
        cleaner.schedule(() -> remove(jobId), grace.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes the HLS of a job now (reset). */
    void remove(String jobId) {
        if (!running.containsKey(jobId) && JOB_ID.matcher(jobId).matches()) {
            LiveRunner.deleteTree(root.resolve(jobId));
        }
    }
}
