package dev.metastudio.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateVideoScriptsReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateVideoScriptsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowVideoScriptRequest;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project's reset removes what it created, stops its running jobs, and leaves every other project alone. */
class ResetContractTest extends ServerTest {
    private static final String OPS = TestProjects.PROJECT_OPS;
    private static final byte[] PNG = TestMedia.png(48, 32, Color.MAGENTA);
    private final HttpClient http = HttpClient.newHttpClient();
    private ControlPlane control;
    private MetaStudioClient ops;
    private MetaStudioClient other;
    private String avatar;

    @BeforeEach
    void setUp() {
        control = new ControlPlane(baseUrl());
        ops = client(TestProjects.AK_OPS, TestProjects.SK_OPS, OPS);
        other = clientB();
        avatar = Videos.systemAvatar(ops, "Anna (landscape)");
    }

    @AfterEach
    void restoreProgression() {
        control.delete("/_emulator/progression/VIDEO").expect(200);
        control.delete("/_emulator/faults").expect(200);
    }

    @Test
    void aProjectsResetRemovesEverythingItCreatedAndNothingOfAnotherProject() throws Exception {
        control.post("/_emulator/reset", "{\"project_id\": \"" + OPS + "\"}").expect(200);
        String image = Assets.uploaded(ops, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, "reset.png", PNG);
        String imageUrl = downloadUrl(ops, image);
        String scriptId = ops.createVideoScripts(new CreateVideoScriptsRequest().withBody(new CreateVideoScriptsReq()
                .withScriptName("reset me").withModelAssetId(avatar)
                .withModelAssetType(CreateVideoScriptsReq.ModelAssetTypeEnum.HUMAN_MODEL_2D)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080))
                .withShootScripts(List.of(Videos.textScene(0, "Gone soon."))))).getScriptId();
        var job = Videos.await(ops, Videos.submit(ops, Videos.textJob(avatar, "Gone soon.")), Duration.ofSeconds(120));
        assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
        String videoUrl = downloadUrl(ops, job.getOutputAssetConfig().getAssetId());
        String pending = Assets.create(ops, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, "upload pending");
        String uploadUrl = Assets.createFile(ops, pending, "later.png", PNG, "MAIN").getUploadUrl();
        String keptName = "kept " + UUID.randomUUID();
        String kept = Assets.create(other, CreateDigitalAssetRequestBody.AssetTypeEnum.IMAGE, keptName);
        Assets.upload(other, kept, "kept.png", PNG, "MAIN");
        String keptUrl = downloadUrl(other, kept);
        assertThat(status(imageUrl)).isEqualTo(200);
        assertThat(status(videoUrl)).isEqualTo(200);
        control.fault("{\"match\": {\"operation\": \"ListAssets\", \"project_id\": \"" + OPS + "\"}, \"delay_ms\": 1}");

        JsonNode removed = control.post("/_emulator/reset", "{\"project_id\": \"" + OPS + "\"}").expect(200).get("removed");

        assertThat(removed.get("assets").asLong()).as("the image, the pending one and the video output").isEqualTo(3);
        assertThat(removed.get("files").asLong()).as("image main, pending, video main and cover at least").isGreaterThanOrEqualTo(4);
        assertThat(removed.get("scripts").asLong()).isEqualTo(1);
        assertThat(removed.get("jobs").asLong()).as("the video job and the saved script's scene preview (L4465)")
                .isEqualTo(2);
        assertThat(removed.get("tts_jobs").asLong()).as("the script's scene preview").isEqualTo(1);
        assertThat(removed.get("video_jobs").asLong()).isEqualTo(1);
        assertThat(removed.get("fault_rules").asLong()).isEqualTo(1);
        assertThat(ops.listAssets(new ListAssetsRequest()).getCount()).isZero();
        assertThat(notFound(() -> ops.showAsset(new ShowAssetRequest().withAssetId(image)))).isEqualTo(404);
        assertThat(notFound(() -> ops.showVideoScript(new ShowVideoScriptRequest().withScriptId(scriptId)))).isEqualTo(404);
        assertThat(notFound(() -> ops.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest()
                .withJobId(job.getJobId())))).isEqualTo(404);
        assertThat(status(imageUrl)).as("old presigned URLs stop serving").isEqualTo(404);
        assertThat(status(videoUrl)).isEqualTo(404);
        assertThat(Assets.put(uploadUrl, PNG, Assets.md5(PNG)).statusCode()).as("an upload URL handed out before")
                .isBetween(400, 499);
        assertThat(control.get("/_emulator/jobs/" + job.getJobId()).status()).isEqualTo(404);
        assertThat(control.get("/_emulator/faults").expect(200).get("rules")).isEmpty();

        // The other project and the system library are untouched.
        assertThat(Assets.show(other, kept).getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(status(keptUrl)).isEqualTo(200);
        assertThat(Videos.systemAvatar(ops, "Anna (landscape)")).isEqualTo(avatar);
    }

    @Test
    void aRunningJobOfTheProjectIsStoppedAndNeverWritesAfterwards() throws Exception {
        control.put("/_emulator/progression/VIDEO", "{\"mode\": \"manual\"}").expect(200);
        String jobId = Videos.submit(ops, Videos.textJob(avatar, "Interrupted by a reset."));
        assertThat(control.post("/_emulator/jobs/" + jobId + "/advance", null).expect(200).get("state").asText())
                .isEqualTo("PROCESSING");

        JsonNode removed = control.post("/_emulator/reset", "{\"project_id\": \"" + OPS + "\"}").expect(200).get("removed");
        assertThat(removed.get("jobs").asLong()).isEqualTo(1);
        assertThat(removed.get("video_jobs").asLong()).isEqualTo(1);
        control.delete("/_emulator/progression/VIDEO").expect(200);

        // The runner finishes its render, finds its item gone at its next transition and writes nothing: give it
        // the time a render takes, then nothing of the job may have come back.
        Thread.sleep(8000);
        assertThat(ops.listAssets(new ListAssetsRequest()).getCount()).isZero();
        assertThat(notFound(() -> ops.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(jobId))))
                .isEqualTo(404);
        assertThat(control.get("/_emulator/jobs?project_id=" + OPS).expect(200).get("jobs")).isEmpty();
        assertThat(control.get("/_emulator/callbacks?project_id=" + OPS).expect(200).get("callbacks")).isEmpty();
    }

    @Test
    void badResetBodiesAreRefusedNamingTheField() {
        expectInvalid(control.post("/_emulator/reset", "{\"project_id\": \"not a project!\"}"), "project_id");
        expectInvalid(control.post("/_emulator/reset", "{\"project_id\": \"_system\"}"), "project_id");
        expectInvalid(control.post("/_emulator/reset", "{\"projectId\": \"" + OPS + "\"}"), "projectId");
        expectInvalid(control.post("/_emulator/reset", "{\"project_id\": 5}"), "project_id");
        expectInvalid(control.post("/_emulator/reset", "[1]"), "request body");
    }

    @Test
    void seedingWithoutASeedFolderIsAConflictThatSaysWhatToSet() {
        ControlPlane.Answer answer = control.post("/_emulator/seed", null);
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("error_msg").asText()).contains("METASTUDIO_SEED_DIR");
    }

    private static void expectInvalid(ControlPlane.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("error_code").asText()).isEqualTo("MSS.00000003");
        assertThat(answer.json().get("error_msg").asText()).contains(field);
    }

    private static String downloadUrl(MetaStudioClient client, String assetId) {
        return Assets.show(client, assetId).getFiles().stream().filter(f -> "MAIN".equals(f.getAssetFileCategory()))
                .findFirst().orElseThrow().getDownloadUrl();
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int notFound(Runnable call) {
        ServiceResponseException e = catchThrowableOfType(call::run, ServiceResponseException.class);
        return e == null ? 200 : e.getHttpStatusCode();
    }
}
