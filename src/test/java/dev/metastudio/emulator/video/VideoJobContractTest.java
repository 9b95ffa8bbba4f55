package dev.metastudio.emulator.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.exception.ServerResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.AssetFileInfo;
import com.huaweicloud.sdk.metastudio.v1.model.Cancel2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateVideoScriptsReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateVideoScriptsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Create2DDigitalHumanVideoReq;
import com.huaweicloud.sdk.metastudio.v1.model.ListDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListDigitalHumanVideoResponse;
import com.huaweicloud.sdk.metastudio.v1.model.OutputAssetConfig;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetResponse;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.Videos;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Virtual avatar video production through the official SDK, down to probing the produced files. */
class VideoJobContractTest extends ServerTest {
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(120);
    private MetaStudioClient client;
    private String anna;

    @BeforeEach
    void connect() {
        client = clientA();
        anna = Videos.systemAvatar(client, "Anna (landscape)");
    }

    @Test
    void aTextJobWithASystemAvatarAndAPresetTimbreProducesARealVideo() throws Exception {
        Create2DDigitalHumanVideoReq body = Videos.textJob(anna,
                "Welcome to the emulator. Every frame of this video is rendered for real.");
        body.getVideoConfig().withIsSubtitleEnable(true);
        String jobId = Videos.submit(client, body);
        Show2DDigitalHumanVideoResponse job = Videos.await(client, jobId, RENDER_TIMEOUT);
        assertThat(job.getState().getValue()).as(String.valueOf(job.getErrorInfo())).isEqualTo("SUCCEED");
        assertThat(job.getJobType().getValue()).isEqualTo("2D_DIGITAL_HUMAN_VIDEO");
        assertThat(job.getDuration()).isGreaterThan(2.0f);
        assertThat(Instant.parse(job.getEndTime())).isAfterOrEqualTo(Instant.parse(job.getStartTime()));
        assertThat(job.getOutputAssetConfig().getAssetName()).isEqualTo(body.getOutputAssetConfig().getAssetName());
        assertThat(job.getOutputAssetConfig().getCoverUrl()).contains("/_objects/");

        ShowAssetResponse asset = Assets.show(client, job.getOutputAssetConfig().getAssetId());
        assertThat(asset.getAssetType().getValue()).isEqualTo("VIDEO");
        assertThat(asset.getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(asset.getSystemProperties()).extracting(p -> p.getKey().getValue()).contains("CREATED_BY_PLATFORM");
        Path video = Videos.file(Assets.download(file(asset, "MAIN").getDownloadUrl()), ".mp4");
        MediaInfo info = MediaProbe.probe(video);
        assertThat(info.video().codec()).isEqualTo("h264");
        assertThat(info.video().width()).isEqualTo(1280);
        assertThat(info.video().height()).isEqualTo(720);
        assertThat(info.video().frameRate()).isEqualTo(25.0);
        assertThat(info.audio()).isNotNull();
        assertThat(info.audio().codec()).isEqualTo("aac");
        // The video lasts as long as the speech: within one frame of the duration the job reports.
        assertThat(info.durationSeconds()).isCloseTo(job.getDuration(), org.assertj.core.data.Offset.offset(0.04 + 0.03));
        assertThat(Videos.audioLevelDb(video)).as("speech is audible").isGreaterThan(-40);
        assertThat(Assets.download(file(asset, "COVER").getDownloadUrl())).startsWith((byte) 0xFF, (byte) 0xD8);
        String subtitles = new String(Assets.download(file(asset, "OTHER").getDownloadUrl()));
        assertThat(subtitles).contains("00:00:").contains("Welcome to the emulator");
    }

    @Test
    void aVp8JobProducesWebmWithOpus() throws Exception {
        Create2DDigitalHumanVideoReq body = Videos.textJob(anna, "A short clip in WebM.");
        body.withVideoConfig(Videos.video(VideoConfig.CodecEnum.VP8, 1280, 720));
        Show2DDigitalHumanVideoResponse job = Videos.await(client, Videos.submit(client, body), RENDER_TIMEOUT);
        assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
        ShowAssetResponse asset = Assets.show(client, job.getOutputAssetConfig().getAssetId());
        AssetFileInfo main = file(asset, "MAIN");
        assertThat(main.getFileName()).endsWith(".webm");
        MediaInfo info = MediaProbe.probe(Videos.file(Assets.download(main.getDownloadUrl()), ".webm"));
        assertThat(info.video().codec()).isEqualTo("vp8");
        assertThat(info.audio().codec()).isEqualTo("opus");
        assertThat(info.container()).contains("webm");
    }

    /**
     * L3761: a script's model_asset_type may be HUMAN_MODEL_3D. The emulator accepts the script (its model a 3D
     * HUMAN_MODEL asset) and fails a job made from it with L16974's MSS.20010098 "A non-2D model is used.", since it
     * renders no 3D human (before issue 13 the script was refused outright).
     */
    @Test
    @org.junit.jupiter.api.DisplayName("L3761/L16974: a HUMAN_MODEL_3D script is accepted; its job fails with MSS.20010098")
    void aJobFromAThreeDimensionalScriptFailsSayingThatIsNotRendered() {
        String model = Assets.uploaded(client, com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody
                .AssetTypeEnum.HUMAN_MODEL, "human.glb", new byte[] {0x67, 0x6c, 0x54, 0x46, 2, 0, 0, 0});
        String scriptId = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(new CreateVideoScriptsReq()
                .withScriptName("3d script " + UUID.randomUUID()).withModelAssetId(model)
                .withModelAssetType(CreateVideoScriptsReq.ModelAssetTypeEnum.HUMAN_MODEL_3D)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.DANIEL))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080))
                .withShootScripts(List.of(Videos.textScene(0, "Spoken by a 3D human."))))).getScriptId();
        Create2DDigitalHumanVideoReq body = Videos.textJob(anna, "Ignored.").withScriptId(scriptId);
        Show2DDigitalHumanVideoResponse job = Videos.await(client, Videos.submit(client, body), RENDER_TIMEOUT);
        assertThat(job.getState().getValue()).isEqualTo("FAILED");
        assertThat(job.getErrorInfo().getErrorCode()).isEqualTo("MSS.20010098");
        assertThat(job.getErrorInfo().getErrorMsg()).contains("non-2D").contains("3D rendering is not available");
        assertThat(job.getOutputAssetConfig().getAssetId()).isNull();
    }

    /** With script_id the script's settings win over the same fields in the job body (reference 5.3.1). */
    @Test
    void aJobFromAScriptUsesTheScriptsSettings() throws Exception {
        String portrait = Videos.systemAvatar(client, "Kenji (portrait)");
        String scriptId = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(new CreateVideoScriptsReq()
                .withScriptName("portrait script").withModelAssetId(portrait)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.DANIEL))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 720, 1280))
                .withShootScripts(List.of(Videos.textScene(0, "Spoken from a saved script."))))).getScriptId();
        Create2DDigitalHumanVideoReq body = Videos.textJob(anna, "This text is ignored.").withScriptId(scriptId);
        Show2DDigitalHumanVideoResponse job = Videos.await(client, Videos.submit(client, body), RENDER_TIMEOUT);
        assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
        ShowAssetResponse asset = Assets.show(client, job.getOutputAssetConfig().getAssetId());
        MediaInfo info = MediaProbe.probe(Videos.file(Assets.download(file(asset, "MAIN").getDownloadUrl()), ".mp4"));
        assertThat(info.video().width()).isEqualTo(720);
        assertThat(info.video().height()).isEqualTo(1280);
        Show2DDigitalHumanVideoResponse detail = client.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest()
                .withJobId(job.getJobId()).withShowScript(true));
        assertThat(detail.getScriptId()).isEqualTo(scriptId);
        assertThat(detail.getModelAssetId()).isEqualTo(portrait);
        assertThat(detail.getShootScripts().get(0).getShootScript().getTextConfig().getText())
                .isEqualTo("Spoken from a saved script.");
        // L4309/L4319: the documented defaults are answered though the script did not give them.
        assertThat(detail.getVideoConfig().getClipMode().getValue()).isEqualTo("RESIZE");
        assertThat(detail.getVideoConfig().getIsSubtitleEnable()).isFalse();
        assertThat(client.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(job.getJobId()))
                .getShootScripts()).isNull();
    }

    @Test
    void onlyAWaitingJobCanBeCancelled() {
        pauseQueue();
        try {
            String jobId = Videos.submit(client, Videos.textJob(anna, "Never rendered."));
            assertThat(state(jobId)).isEqualTo("WAITING");
            client.cancel2DDigitalHumanVideo(new Cancel2DDigitalHumanVideoRequest().withJobId(jobId));
            assertThat(state(jobId)).isEqualTo("CANCELED");
            // The reference documents MSS.20010048 with HTTP 500 for a job that is not WAITING.
            ServerResponseException again = catchThrowableOfType(ServerResponseException.class,
                    () -> client.cancel2DDigitalHumanVideo(new Cancel2DDigitalHumanVideoRequest().withJobId(jobId)));
            assertThat(again.getHttpStatusCode()).isEqualTo(500);
            assertThat(again.getErrorCode()).isEqualTo("MSS.20010048");
            assertThat(refused(() -> client.cancel2DDigitalHumanVideo(new Cancel2DDigitalHumanVideoRequest()
                    .withJobId("no-such-job"))).getHttpStatusCode()).isEqualTo(404);
        } finally {
            resumeQueue();
        }
    }

    /** Submits until refused, whatever other tests left waiting: the refusal comes with exactly 20 waiting. */
    @Test
    void theWaitingQueueOfATenantHoldsAtMostTwentyJobs() throws Exception {
        MetaStudioClient b = clientB();
        String bAvatar = Videos.systemAvatar(b, "Mei (landscape)");
        pauseQueue();
        List<String> submitted = new java.util.ArrayList<>();
        try {
            ClientRequestException full = null;
            for (int i = 0; i < 25 && full == null; i++) {
                try {
                    submitted.add(Videos.submit(b, Videos.textJob(bAvatar, "Queued " + i)));
                } catch (ClientRequestException refused) {
                    full = refused;
                }
            }
            assertThat(full).as("the queue refused a submission").isNotNull();
            assertThat(full.getHttpStatusCode()).isEqualTo(429);
            assertThat(full.getErrorCode()).isEqualTo("MSS.20010011");
            assertThat(waiting(dev.metastudio.emulator.support.TestProjects.PROJECT_B)).isEqualTo(20);
        } finally {
            submitted.forEach(id -> b.cancel2DDigitalHumanVideo(new Cancel2DDigitalHumanVideoRequest().withJobId(id)));
            resumeQueue();
        }
    }

    private int waiting(String projectId) throws Exception {
        String body = Assets.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/jobs?state=WAITING&project_id="
                + projectId)).GET().build()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("jobs").size();
    }

    @Test
    void jobsAreListedWithTheDocumentedFilters() {
        String marker = "list-" + UUID.randomUUID();
        pauseQueue();
        String first;
        String second;
        try {
            first = Videos.submit(client, Videos.textJob(anna, "First.").withOutputAssetConfig(
                    new OutputAssetConfig().withAssetName(marker + "-one")));
            second = Videos.submit(client, Videos.textJob(anna, "Second.").withOutputAssetConfig(
                    new OutputAssetConfig().withAssetName(marker + "-two")));
            client.cancel2DDigitalHumanVideo(new Cancel2DDigitalHumanVideoRequest().withJobId(second));
        } finally {
            resumeQueue();
        }
        ListDigitalHumanVideoResponse byName = client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest()
                .withAssetName(marker).withFuzzyQueryField(List.of("asset_name")).withSortDir("desc"));
        assertThat(byName.getCount()).isEqualTo(2);
        assertThat(byName.getJobs()).extracting(j -> j.getJobId()).containsExactly(second, first);
        assertThat(client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withAssetName(marker + "-one"))
                .getJobs()).extracting(j -> j.getJobId()).containsExactly(first);
        assertThat(client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withAssetName(marker)).getCount())
                .as("without fuzzy_query_field the name is exact").isZero();
        assertThat(client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withAssetName(marker)
                .withFuzzyQueryField(List.of("asset_name")).withState("CANCELED")).getJobs())
                .extracting(j -> j.getJobId()).containsExactly(second);
        assertThat(client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withJobId(first)).getCount()).isEqualTo(1);
        ListDigitalHumanVideoResponse page = client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest()
                .withAssetName(marker).withFuzzyQueryField(List.of("asset_name")).withLimit(1).withOffset(1));
        assertThat(page.getCount()).isEqualTo(2);
        assertThat(page.getJobs()).hasSize(1);
        assertThat(client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withAssetName(marker)
                .withFuzzyQueryField(List.of("asset_name")).withCreateSince(Instant.now().plusSeconds(60).toString()))
                .getCount()).isZero();
        assertThat(refused(() -> client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withState("DONE")))
                .getErrorMsg()).contains("state");
        assertThat(refused(() -> client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withLimit(0)))
                .getErrorMsg()).contains("limit");
    }

    @Test
    void anAssetRemovedBeforeRenderingFailsTheJobWithTheDocumentedCode() {
        String background = Assets.uploaded(client,
                com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE,
                "bg.png", dev.metastudio.emulator.support.TestMedia.png(64, 36, java.awt.Color.ORANGE));
        Create2DDigitalHumanVideoReq body = Videos.textJob(anna, "This will not render.");
        body.getShootScripts().get(0).getShootScript().withBackgroundConfig(List.of(
                new com.huaweicloud.sdk.metastudio.v1.model.BackgroundConfigInfo()
                        .withBackgroundType(com.huaweicloud.sdk.metastudio.v1.model.BackgroundConfigInfo.BackgroundTypeEnum.IMAGE)
                        .withBackgroundAssetId(background)));
        String jobId;
        pauseQueue();
        try {
            jobId = Videos.submit(client, body);
            client.deleteAsset(new com.huaweicloud.sdk.metastudio.v1.model.DeleteAssetRequest().withAssetId(background)
                    .withMode("force"));
        } finally {
            resumeQueue();
        }
        Show2DDigitalHumanVideoResponse job = Videos.await(client, jobId, RENDER_TIMEOUT);
        assertThat(job.getState().getValue()).isEqualTo("FAILED");
        assertThat(job.getErrorInfo().getErrorCode()).isEqualTo("MSS.45000001");
        assertThat(job.getErrorInfo().getErrorMsg()).contains(background);
        assertThat(job.getOutputAssetConfig().getAssetId()).isNull();
    }

    private String state(String jobId) {
        return client.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(jobId)).getState().getValue();
    }

    private void pauseQueue() {
        Assets.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/jobs/pause"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private void resumeQueue() {
        Assets.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/jobs/resume"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static AssetFileInfo file(ShowAssetResponse asset, String category) {
        return asset.getFiles().stream().filter(f -> category.equals(f.getAssetFileCategory())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + category + " file in " + asset.getFiles()));
    }

    static ClientRequestException refused(Runnable call) {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class, call::run);
        assertThat(e).as("expected the call to be refused").isNotNull();
        return e;
    }
}
