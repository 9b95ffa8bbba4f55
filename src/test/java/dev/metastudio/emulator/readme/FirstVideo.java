package dev.metastudio.emulator.readme;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.Create2DDigitalHumanVideoReq;
import com.huaweicloud.sdk.metastudio.v1.model.Create2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.OutputAssetConfig;
import com.huaweicloud.sdk.metastudio.v1.model.ShootScript;
import com.huaweicloud.sdk.metastudio.v1.model.ShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/** A first video through the official SDK (com.huaweicloud.sdk:huaweicloud-sdk-metastudio:3.1.143). */
public class FirstVideo {

    public static void main(String[] args) throws Exception {
        String endpoint = args.length > 0 ? args[0] : "http://localhost:8080";
        System.out.println("saved " + make(endpoint, Path.of("hello-" + System.currentTimeMillis() + ".mp4")));
    }

    public static Path make(String endpoint, Path target) throws Exception {
        BasicCredentials auth = new BasicCredentials()      // the development pair (README, Configuration)
                .withAk("MSEMULATORDEVAK00001")
                .withSk("msEmulatorDevSecretKey000000000000000001")
                .withProjectId("e9993fc787d94b6c886cbaa340f9c0f4");
        MetaStudioClient client = MetaStudioClient.newBuilder()
                .withCredential(auth)
                .withEndpoints(List.of(endpoint))           // plain http is fine
                .build();

        // The system presenter "Anna (landscape)"; the voice is the preset timbre "Emma".
        String model = client.listAssets(new ListAssetsRequest()
                        .withAssetSource(ListAssetsRequest.AssetSourceEnum.SYSTEM).withAssetType("HUMAN_MODEL_2D")
                        .withName("Anna (landscape)").withAccurateQueryField(List.of("name")))
                .getAssets().get(0).getAssetId();
        Create2DDigitalHumanVideoReq body = new Create2DDigitalHumanVideoReq()
                .withModelAssetId(model)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId("06a6f6c8c8a54bcb2b14c97f4bc58d38"))
                .withVideoConfig(new VideoConfig().withCodec(VideoConfig.CodecEnum.H264).withBitrate(2000)
                        .withWidth(1280).withHeight(720).withIsSubtitleEnable(true))
                .withShootScripts(List.of(new ShootScriptItem().withSequenceNo(0).withShootScript(new ShootScript()
                        .withScriptType(ShootScript.ScriptTypeEnum.TEXT)
                        .withTextConfig(new TextConfig().withText("Hello from the emulator.")))))
                // Output names are unique in a project (MSS.20010008): a fresh one for every run.
                .withOutputAssetConfig(new OutputAssetConfig().withAssetName("hello-" + System.currentTimeMillis()));
        String jobId = client.create2DDigitalHumanVideo(new Create2DDigitalHumanVideoRequest().withBody(body))
                .getJobId();

        Show2DDigitalHumanVideoResponse job;
        do {
            Thread.sleep(1000);
            job = client.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(jobId));
        } while (job.getState() == Show2DDigitalHumanVideoResponse.StateEnum.WAITING
                || job.getState() == Show2DDigitalHumanVideoResponse.StateEnum.PROCESSING);
        if (job.getState() != Show2DDigitalHumanVideoResponse.StateEnum.SUCCEED) {
            throw new IllegalStateException("job " + jobId + " ended " + job.getState() + ": " + job.getErrorInfo());
        }

        // The video is an asset; the download_url of its MAIN file is the MP4.
        String url = client.showAsset(new ShowAssetRequest().withAssetId(job.getOutputAssetConfig().getAssetId()))
                .getFiles().stream().filter(f -> "MAIN".equals(f.getAssetFileCategory())).findFirst().orElseThrow()
                .getDownloadUrl();
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofFile(target));
        return target;
    }
}
