package dev.metastudio.emulator.imagemodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobReq;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.Delete2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserReq;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoResponse;
import com.huaweicloud.sdk.metastudio.v1.model.Show2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2dModelTrainingJobResponse;
import dev.metastudio.emulator.media.face.FaceDetector;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.Videos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trained model in a video job: the presenter is the person of the training footage, the mouth animated. */
class TrainedPresenterRenderTest extends ServerTest {
    private ControlPlane control;
    private MetaStudioClient client;

    @BeforeEach
    void setUp() {
        control = new ControlPlane(baseUrl());
        client = clientA();
        control.put("/_emulator/progression/IMAGE_TRAINING", "{\"mode\": \"immediate\"}").expect(200);
    }

    @AfterEach
    void restore() {
        control.delete("/_emulator/progression/IMAGE_TRAINING").expect(200);
    }

    private Show2dModelTrainingJobResponse train() throws InterruptedException {
        Create2dModelTrainingJobResponse created = client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest()
                .withBody(new Create2dModelTrainingJobReq().withName("Me " + UUID.randomUUID().toString().substring(0, 8))));
        Assets.put(created.getTrainingVideoUploadUrl().get(0), TrainingClips.withPerson(1920, 1080, 185), null);
        Assets.put(created.getIdCardImage1UploadUrl(), TestMedia.jpeg(100, 60, Color.GRAY), null);
        Assets.put(created.getIdCardImage2UploadUrl(), TestMedia.jpeg(100, 60, Color.GRAY), null);
        Assets.put(created.getGrantFileUploadUrl(), "letter".getBytes(StandardCharsets.US_ASCII), null);
        client.execute2dModelTrainingCommandByUser(new Execute2dModelTrainingCommandByUserRequest()
                .withJobId(created.getJobId()).withBody(new Execute2dModelTrainingCommandByUserReq()
                        .withCommand(Execute2dModelTrainingCommandByUserReq.CommandEnum.SUBMITVERIFYING)));
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Show2dModelTrainingJobResponse job = client.show2dModelTrainingJob(new Show2dModelTrainingJobRequest()
                    .withJobId(created.getJobId()));
            if (job.getState().getValue().equals("JOB_SUCCESS")) {
                return job;
            }
            assertThat(job.getState().getValue()).doesNotEndWith("FAILED");
            Thread.sleep(100);
        }
        throw new AssertionError("training did not finish");
    }

    private static List<BufferedImage> frames(Path video, int every) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            g.start();
            Frame f;
            int i = 0;
            while ((f = g.grabImage()) != null) {
                if (i++ % every == 0) {
                    BufferedImage copy = new BufferedImage(f.imageWidth, f.imageHeight, BufferedImage.TYPE_INT_RGB);
                    copy.getGraphics().drawImage(converter.convert(f), 0, 0, null);
                    out.add(copy);
                }
            }
        }
        return out;
    }

    private static BufferedImage scaled(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** Mean absolute difference per channel over a region. */
    private static double difference(BufferedImage a, BufferedImage b, Rectangle r) {
        long sum = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
                        + Math.abs((p & 255) - (q & 255));
            }
        }
        return sum / (3.0 * r.width * r.height);
    }

    private static double luminance(BufferedImage a, Rectangle r) {
        long sum = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                int p = a.getRGB(x, y);
                sum += (p >> 16 & 255) * 299L + (p >> 8 & 255) * 587L + (p & 255) * 114L;
            }
        }
        return sum / (1000.0 * r.width * r.height);
    }

    @Test
    void aVideoJobWithTheTrainedModelShowsTheTrainingFootageWithAMovingMouth() throws Exception {
        Show2dModelTrainingJobResponse trained = train();
        String modelId = trained.getAssetId();
        Show2DDigitalHumanVideoResponse job = Videos.await(client, Videos.submit(client, Videos.textJob(modelId,
                "Hello everyone, this is my own face speaking to you today.")), Duration.ofSeconds(180));
        assertThat(job.getState().getValue()).as(String.valueOf(job.getErrorInfo())).isEqualTo("SUCCEED");
        String url = Assets.show(client, job.getOutputAssetConfig().getAssetId()).getFiles().stream()
                .filter(f -> "MAIN".equals(f.getAssetFileCategory())).findFirst().orElseThrow().getDownloadUrl();
        List<BufferedImage> output = frames(Videos.file(Assets.download(url), ".mp4"), 3);
        assertThat(output).hasSizeGreaterThan(10);
        assertThat(output.get(0).getWidth()).isEqualTo(1280);

        // Away from the mouth (the astronaut's suit and flag, and the backdrop), every frame is a training frame.
        List<BufferedImage> training = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            training.add(scaled(TrainingClips.personFrame(1920, 1080, i), 1280, 720));
        }
        Rectangle suit = new Rectangle(360, 560, 560, 140);
        Rectangle backdrop = new Rectangle(10, 100, 300, 500);
        for (BufferedImage frame : output) {
            double best = training.stream().mapToDouble(t -> difference(frame, t, suit)).min().orElseThrow();
            assertThat(best).as("suit region vs the closest training frame").isLessThan(14);
            // A flat green, off only by the two encodings' colour conversion (about 8 levels).
            assertThat(difference(frame, training.get(0), backdrop)).isLessThan(14);
        }

        // The mouth below the detected face opens and closes with the speech.
        FaceDetector.Face face;
        try (FaceDetector detector = new FaceDetector()) {
            face = detector.detect(TrainingClips.personFrame(1920, 1080, 0)).get(0);
        }
        double s = 1280 / 1920.0;
        Rectangle mouth = new Rectangle((int) ((face.x() + face.width() * 0.42) * s), (int) ((face.y() + face.height()
                * 0.77) * s), (int) (face.width() * 0.16 * s), (int) (face.height() * 0.06 * s));
        double min = Double.MAX_VALUE;
        double max = 0;
        for (BufferedImage frame : output) {
            double l = luminance(frame, mouth);
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        assertThat(max - min).as("mouth luminance range over the video").isGreaterThan(25);
        double lastMouth = luminance(output.get(output.size() - 1), mouth);
        double closed = luminance(training.get(0), mouth);
        assertThat(Math.abs(lastMouth - closed)).as("closed after the speech ends").isLessThan(20);
        client.delete2dModelTrainingJob(new Delete2dModelTrainingJobRequest().withJobId(trained.getJobId()));
    }
}
