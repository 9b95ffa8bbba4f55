package dev.metastudio.emulator.video.render;

import dev.metastudio.emulator.asset.FileCategory;
import dev.metastudio.emulator.asset.PlatformVideos;
import dev.metastudio.emulator.asset.meta.MediaMetas;
import dev.metastudio.emulator.config.EmulatorProperties;
import dev.metastudio.emulator.config.MediaSettings;
import dev.metastudio.emulator.job.JobContext;
import dev.metastudio.emulator.job.JobEntity;
import dev.metastudio.emulator.job.JobFailure;
import dev.metastudio.emulator.job.JobKind;
import dev.metastudio.emulator.job.JobRunner;
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
import dev.metastudio.emulator.video.VideoJobService;
import dev.metastudio.emulator.video.VideoRequests;
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
 * subtitles). The asset rows are written only in the job's final transaction.
 */
@Component
class VideoJobRunner implements JobRunner {
    static final String DUPLICATE_NAME = "MSS.20010008";

    private final RenderResolver resolver;
    private final PlatformVideos videos;
    private final OutputNames outputNames;
    private final MediaSettings media;
    private final Path jobsDir;

    VideoJobRunner(RenderResolver resolver, PlatformVideos videos, OutputNames outputNames, MediaSettings media,
                   EmulatorProperties properties) {
        this.resolver = resolver;
        this.videos = videos;
        this.outputNames = outputNames;
        this.media = media;
        this.jobsDir = properties.dataDir().resolve("tmp").resolve("jobs");
    }

    @Override
    public JobKind kind() {
        return JobKind.VIDEO_2D;
    }

    @Override
    public Outcome run(JobEntity job, JobContext context) throws JobFailure {
        VideoRequests.Document document = VideoJobService.read(job.getRequest());
        String name = document.outputAssetConfig().assetName();
        if (outputNames.takenByAsset(job.getProjectId(), name)) {
            throw new JobFailure(DUPLICATE_NAME, "Duplicate asset name: a video asset named '" + name + "' exists");
        }
        Path work = jobsDir.resolve(job.getJobId() + "-" + job.getAttempts() + "-" + context.nodeId());
        try {
            Files.createDirectories(work);
            RenderSpec spec = resolver.resolve(job.getProjectId(), document.composition(), document.scriptAudioKeys(),
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
            PlatformVideos.Stored stored = videos.store(job.getProjectId(), name, outputs);
            MediaMetas.VideoMeta meta = meta(probed, result);
            return new Outcome() {
                @Override
                public void commit(JobEntity locked) {
                    locked.setOutputAssetId(videos.commit(stored, name, locked.getAppUserId(), meta));
                    locked.setDuration(result.durationSeconds());
                    locked.setProgressDone(result.frames());
                    locked.setProgressTotal(result.frames());
                }

                @Override
                public void discard() {
                    videos.discard(stored);
                }
            };
        } catch (MediaException e) {
            throw MediaFailures.of(e);
        } catch (IOException e) {
            throw new JobFailure(MediaFailures.INTERNAL, "Undefined internal error: " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static RenderListener listener(JobContext context) {
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
