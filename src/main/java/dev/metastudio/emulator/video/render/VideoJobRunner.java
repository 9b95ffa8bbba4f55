package dev.metastudio.emulator.video.render;

import dev.metastudio.emulator.asset.FileCategory;
import dev.metastudio.emulator.asset.PlatformVideos;
import dev.metastudio.emulator.asset.meta.MediaMetas;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.MediaSettings;
import dev.metastudio.emulator.media.MediaException;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.render.EncoderPreference;
import dev.metastudio.emulator.media.render.RenderListener;
import dev.metastudio.emulator.media.render.RenderOptions;
import dev.metastudio.emulator.media.render.RenderResult;
import dev.metastudio.emulator.media.render.RenderSpec;
import dev.metastudio.emulator.media.render.VideoCodec;
import dev.metastudio.emulator.media.render.VideoRenderer;
import dev.metastudio.emulator.video.OutputNames;
import dev.metastudio.emulator.video.VideoCodes;
import dev.metastudio.emulator.video.VideoJobState;
import dev.metastudio.emulator.video.VideoJobs;
import dev.metastudio.emulator.video.VideoRequests;
import dev.metastudio.emulator.work.WorkContext;
import dev.metastudio.emulator.work.WorkFailure;
import dev.metastudio.emulator.work.WorkItem;
import dev.metastudio.emulator.work.WorkRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Renders a video job with the media engine and stores the result as the project's VIDEO asset (main file, cover,
 * subtitles). The job enters PROCESSING before rendering; the asset rows are written only in the transaction that
 * makes it SUCCEED, and the stored objects are removed when that transaction does not happen.
 */
@Component
class VideoJobRunner implements WorkRunner {
    private final VideoJobs jobs;
    private final RenderResolver resolver;
    private final PlatformVideos videos;
    private final OutputNames outputNames;
    private final MediaSettings media;
    private final Path jobsDir;

    VideoJobRunner(VideoJobs jobs, RenderResolver resolver, PlatformVideos videos, OutputNames outputNames,
                   MediaSettings media, EmulatorProperties properties) {
        this.jobs = jobs;
        this.resolver = resolver;
        this.videos = videos;
        this.outputNames = outputNames;
        this.media = media;
        this.jobsDir = properties.dataDir().resolve("tmp").resolve("jobs");
    }

    @Override
    public void run(WorkItem item, WorkContext context) throws WorkFailure {
        String jobId = item.subjectId();
        if (!context.transition(VideoJobState.PROCESSING.name(), () -> jobs.start(jobId))) {
            return;
        }
        VideoJobs.Work job = jobs.work(jobId);
        VideoRequests.Document document = job.document();
        String name = document.outputAssetConfig().assetName();
        if ("HUMAN_MODEL_3D".equals(document.modelAssetType())) {
            throw new WorkFailure(VideoCodes.NON_2D_MODEL, "A non-2D model is used: script " + document.scriptId()
                    + " has model_asset_type HUMAN_MODEL_3D, and 3D rendering is not available in this emulator;"
                    + " use a HUMAN_MODEL_2D script");
        }
        if (outputNames.takenByAsset(item.projectId(), name)) {
            throw new WorkFailure(VideoCodes.DUPLICATE_NAME, "Duplicate asset name: a video asset named '" + name
                    + "' exists");
        }
        Path work = jobsDir.resolve(jobId + "-" + item.attempts() + "-" + context.nodeId());
        try {
            Files.createDirectories(work);
            RenderSpec spec = resolver.resolve(item.projectId(), document.composition(), document.scriptAudioKeys(),
                    work);
            RenderResult result = VideoRenderer.render(spec, work.resolve("out"), listener(context),
                    new RenderOptions(media.espeak(), context.gpu() ? EncoderPreference.HARDWARE_IF_AVAILABLE
                            : EncoderPreference.SOFTWARE, work));
            MediaInfo probed = MediaProbe.probe(result.video());
            List<PlatformVideos.Output> outputs = new ArrayList<>();
            boolean webm = result.codec() == VideoCodec.VP8;
            outputs.add(new PlatformVideos.Output(FileCategory.MAIN, webm ? "webm" : "mp4",
                    webm ? "video/webm" : "video/mp4", result.video()));
            outputs.add(new PlatformVideos.Output(FileCategory.COVER, "jpg", "image/jpeg", result.cover()));
            if (result.subtitles() != null) {
                outputs.add(new PlatformVideos.Output(FileCategory.OTHER, "srt", "application/x-subrip",
                        result.subtitles()));
            }
            PlatformVideos.Stored stored = videos.store(item.projectId(), name, outputs);
            MediaMetas.VideoMeta meta = meta(probed, result);
            context.progress(result.frames(), result.frames());
            boolean recorded = false;
            try {
                recorded = context.transition(VideoJobState.SUCCEED.name(), () -> jobs.succeed(jobId,
                        videos.commit(stored, name, job.appUserId(), meta), result.durationSeconds()));
            } finally {
                if (!recorded) {
                    videos.discard(stored);
                }
            }
        } catch (MediaException e) {
            throw MediaFailures.of(e);
        } catch (IOException e) {
            throw new WorkFailure(VideoCodes.INTERNAL, "Undefined internal error: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static RenderListener listener(WorkContext context) {
        return new RenderListener() {
            @Override
            public void progress(int framesDone, int framesTotal) {
                context.progress(framesDone, framesTotal);
            }

            @Override
            public boolean cancelled() {
                return context.stopRequested();
            }
        };
    }

    private static MediaMetas.VideoMeta meta(MediaInfo info, RenderResult result) {
        var v = info.video();
        var a = info.audio();
        return new MediaMetas.VideoMeta(v.codec(), v.width(), v.height(), "25",
                v.bitrate() > 0 ? (int) (v.bitrate() / 1000) : null, (int) Math.round(result.durationSeconds()),
                a == null ? null : a.codec(), a == null || a.bitrate() <= 0 ? null : (int) (a.bitrate() / 1000),
                a == null ? null : a.channels(), a == null ? null : a.sampleRate(),
                v.width() >= v.height() ? MediaMetas.Mode.Horizontal : MediaMetas.Mode.Vertical,
                MediaMetas.TranscodingStatus.SUCCEEDED, null);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Scratch space; the next start's sweep of tmp/ removes what is left.
        }
    }
}
