package dev.metastudio.emulator.support;

import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.BackgroundConfigInfo;
import com.huaweicloud.sdk.metastudio.v1.model.Create2DDigitalHumanVideoReq;
import com.huaweicloud.sdk.metastudio.v1.model.Create2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.OutputAssetConfig;
import com.huaweicloud.sdk.metastudio.v1.model.ShootScript;
import com.huaweicloud.sdk.metastudio.v1.model.ShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoResponse;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import java.nio.Buffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/** Video jobs through the SDK, and what tests check on the produced files. */
public final class Videos {
    /** The system presenter "Anna (landscape)" and the AP-Singapore id of the preset timbre "Emma". */
    public static final String EMMA = "06a6f6c8c8a54bcb2b14c97f4bc58d38";
    public static final String DANIEL = "ebf158d617237c3f2edc246a9097a366";

    private Videos() {
    }

    public static String systemAvatar(MetaStudioClient client, String name) {
        return client.listAssets(new ListAssetsRequest().withAssetSource(ListAssetsRequest.AssetSourceEnum.SYSTEM)
                        .withAssetType("HUMAN_MODEL_2D").withName(name).withAccurateQueryField(List.of("name")))
                .getAssets().get(0).getAssetId();
    }

    public static ShootScriptItem textScene(int sequenceNo, String text) {
        return new ShootScriptItem().withSequenceNo(sequenceNo).withShootScript(new ShootScript()
                .withScriptType(ShootScript.ScriptTypeEnum.TEXT).withTextConfig(new TextConfig().withText(text))
                .withBackgroundConfig(List.of(new BackgroundConfigInfo()
                        .withBackgroundType(BackgroundConfigInfo.BackgroundTypeEnum.COLOR)
                        .withBackgroundColorConfig("#1E3A5F"))));
    }

    public static VideoConfig video(VideoConfig.CodecEnum codec, int width, int height) {
        return new VideoConfig().withCodec(codec).withBitrate(1000).withWidth(width).withHeight(height);
    }

    /** A text job at 640x360-ish cost: the smallest documented resolution is 1280x720. */
    public static Create2DDigitalHumanVideoReq textJob(String model, String text) {
        return new Create2DDigitalHumanVideoReq().withModelAssetId(model)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(EMMA))
                .withVideoConfig(video(VideoConfig.CodecEnum.H264, 1280, 720))
                .withShootScripts(List.of(textScene(0, text)))
                .withOutputAssetConfig(new OutputAssetConfig().withAssetName("video " + UUID.randomUUID()));
    }

    public static String submit(MetaStudioClient client, Create2DDigitalHumanVideoReq body) {
        return client.create2DDigitalHumanVideo(new Create2DDigitalHumanVideoRequest().withBody(body)).getJobId();
    }

    public static Show2DDigitalHumanVideoResponse await(MetaStudioClient client, String jobId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Show2DDigitalHumanVideoResponse job = client.show2DDigitalHumanVideo(
                    new Show2DDigitalHumanVideoRequest().withJobId(jobId));
            String state = job.getState().getValue();
            if (state.equals("SUCCEED") || state.equals("FAILED") || state.equals("CANCELED")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("job " + jobId + " still " + state + " after " + timeout);
            }
            sleep(200);
        }
    }

    /** Writes the bytes to a temporary file for FFmpeg. */
    public static Path file(byte[] bytes, String suffix) {
        try {
            Path file = Files.createTempFile("video", suffix);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The RMS level of the audio track in dBFS (-inf for digital silence). */
    public static double audioLevelDb(Path media) throws Exception {
        double sum = 0;
        long count = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(media.toFile())) {
            grabber.setSampleFormat(org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                for (Buffer buffer : frame.samples) {
                    ShortBuffer samples = (ShortBuffer) buffer;
                    while (samples.hasRemaining()) {
                        double v = samples.get() / 32768.0;
                        sum += v * v;
                        count++;
                    }
                }
            }
        }
        return count == 0 ? Double.NEGATIVE_INFINITY : 10 * Math.log10(sum / count + 1e-12);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
