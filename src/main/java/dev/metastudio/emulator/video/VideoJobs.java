package dev.metastudio.emulator.video;

import dev.metastudio.emulator.config.JsonColumns;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The video job aggregate's transitions as the work queue makes them (video.render's runner and hooks): each one
 * locks the job row in the queue's transaction, changes the documented state, and enqueues the callback of a
 * finished job in the same transaction.
 */
@Component
public class VideoJobs {
    /** The work kind of video production jobs. */
    public static final String KIND = "VIDEO";

    private final VideoJobRepository jobs;
    private final VideoCallbacks callbacks;
    private final Clock clock;

    VideoJobs(VideoJobRepository jobs, VideoCallbacks callbacks, Clock clock) {
        this.jobs = jobs;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** What the worker renders (the composition in effect, the output settings) and for whom. */
    public record Work(VideoRequests.Document document, String appUserId) {
    }

    public Work work(String jobId) {
        VideoJobEntity job = jobs.findById(jobId).orElseThrow();
        return new Work(JsonColumns.read(job.getRequest(), VideoRequests.Document.class), job.getAppUserId());
    }

    public boolean start(String jobId) {
        return jobs.lock(jobId).map(job -> job.start(clock.instant())).orElse(false);
    }

    public boolean succeed(String jobId, String assetId, double durationSeconds) {
        return jobs.lock(jobId).filter(job -> job.succeed(assetId, durationSeconds, clock.instant()))
                .map(job -> {
                    callbacks.finished(job);
                    return true;
                }).orElse(false);
    }

    public void fail(String jobId, String code, String message) {
        jobs.lock(jobId).filter(job -> !job.getState().terminal()).ifPresent(job -> {
            job.fail(code, message, clock.instant());
            callbacks.finished(job);
        });
    }

    public void requeue(String jobId) {
        jobs.lock(jobId).ifPresent(job -> job.requeue(clock.instant()));
    }

    /** What the control plane adds to the queue's view of a video job. */
    public Map<String, Object> describe(String jobId) {
        Optional<VideoJobEntity> found = jobs.findById(jobId);
        Map<String, Object> view = new LinkedHashMap<>();
        found.ifPresent(job -> {
            view.put("output_asset_name", job.getOutputAssetName());
            view.put("output_asset_id", job.getOutputAssetId());
            view.put("duration", job.getDuration());
            view.put("error_code", job.getErrorCode());
            view.put("error_msg", job.getErrorMsg());
        });
        return view;
    }
}
