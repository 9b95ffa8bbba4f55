package dev.metastudio.emulator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CopyVideoScriptsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateVideoScriptsReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateVideoScriptsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateVideoScriptsResponse;
import com.huaweicloud.sdk.metastudio.v1.model.DeleteVideoScriptRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListVideoScriptsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListVideoScriptsResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShootScript;
import com.huaweicloud.sdk.metastudio.v1.model.ShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.ShowVideoScriptRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowVideoScriptResponse;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateVideoScriptRequest;
import com.huaweicloud.sdk.metastudio.v1.model.UpdateVideoScriptsReq;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Video Script Management (reference 5.1) through the official SDK. */
class ScriptContractTest extends ServerTest {
    private MetaStudioClient client;
    private String anna;

    @BeforeEach
    void connect() {
        client = clientA();
        anna = Videos.systemAvatar(client, "Anna (landscape)");
    }

    private CreateVideoScriptsReq script(String name) {
        return new CreateVideoScriptsReq().withScriptName(name).withScriptDescription("a draft")
                .withModelAssetId(anna).withModelAssetType(CreateVideoScriptsReq.ModelAssetTypeEnum.HUMAN_MODEL_2D)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080)).withPrivData("opaque")
                .withShootScripts(List.of(Videos.textScene(1, "Second scene."), Videos.textScene(0, "First scene.")));
    }

    @Test
    void createShowUpdateCopyAndDelete() {
        String name = "script " + UUID.randomUUID();
        CreateVideoScriptsResponse created = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(name)));
        String id = created.getScriptId();
        ShowVideoScriptResponse shown = client.showVideoScript(new ShowVideoScriptRequest().withScriptId(id));
        assertThat(shown.getScriptName()).isEqualTo(name);
        assertThat(shown.getPrivData()).isEqualTo("opaque");
        assertThat(shown.getViewMode().getValue()).isEqualTo("LANDSCAPE");
        // The details fill in the voice's documented defaults.
        assertThat(shown.getVoiceConfig().getSpeed()).isEqualTo(100);
        assertThat(shown.getVoiceConfig().getVolume()).isEqualTo(140);
        assertThat(shown.getShootScripts()).extracting(s -> s.getSequenceNo()).containsExactly(0, 1);
        assertThat(shown.getShootScripts().get(0).getPreviewInfo().getTextSha256()).hasSize(64);
        assertThat(shown.getXRequestId()).isNotBlank();

        client.updateVideoScript(new UpdateVideoScriptRequest().withScriptId(id).withBody(new UpdateVideoScriptsReq()
                .withScriptDescription("updated")));
        ShowVideoScriptResponse updated = client.showVideoScript(new ShowVideoScriptRequest().withScriptId(id));
        assertThat(updated.getScriptDescription()).isEqualTo("updated");
        assertThat(updated.getScriptName()).as("omitted fields are kept").isEqualTo(name);

        String copy = client.copyVideoScripts(new CopyVideoScriptsRequest().withScriptId(id)).getScriptId();
        assertThat(copy).isNotEqualTo(id);
        assertThat(client.showVideoScript(new ShowVideoScriptRequest().withScriptId(copy)).getScriptDescription())
                .isEqualTo("updated");

        client.deleteVideoScript(new DeleteVideoScriptRequest().withScriptId(id));
        ClientRequestException gone = catchThrowableOfType(ClientRequestException.class,
                () -> client.showVideoScript(new ShowVideoScriptRequest().withScriptId(id)));
        assertThat(gone.getHttpStatusCode()).isEqualTo(404);
        assertThat(gone.getErrorCode()).isEqualTo("MSS.00000002");
        // L16828 makes names unique, so the copy is "{name} (copy)" (it kept the name before issue 13).
        assertThat(client.showVideoScript(new ShowVideoScriptRequest().withScriptId(copy)).getScriptName())
                .isEqualTo(name + " (copy)");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("L16828: MSS.20010005 Duplicate script name, on create and on rename")
    void scriptNamesAreUniqueInAProject() {
        String name = "unique " + UUID.randomUUID();
        String first = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(name))).getScriptId();
        ClientRequestException twice = catchThrowableOfType(ClientRequestException.class,
                () -> client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(name))));
        assertThat(twice.getHttpStatusCode()).isEqualTo(400);
        assertThat(twice.getErrorCode()).isEqualTo("MSS.20010005");
        assertThat(twice.getErrorMsg()).contains(name);
        String second = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(name + " 2")))
                .getScriptId();
        ClientRequestException renamed = catchThrowableOfType(ClientRequestException.class,
                () -> client.updateVideoScript(new UpdateVideoScriptRequest().withScriptId(second)
                        .withBody(new UpdateVideoScriptsReq().withScriptName(name))));
        assertThat(renamed.getErrorCode()).isEqualTo("MSS.20010005");
        // Saving a script under its own name is no duplicate; another project may use the name too.
        client.updateVideoScript(new UpdateVideoScriptRequest().withScriptId(first)
                .withBody(new UpdateVideoScriptsReq().withScriptName(name).withScriptDescription("same name")));
        // (Without a voice, so no preview job of project B waits in the queue other tests count.)
        clientB().createVideoScripts(new CreateVideoScriptsRequest().withBody(script(name).withVoiceConfig((VoiceConfig) null)));
        String copy = client.copyVideoScripts(new CopyVideoScriptsRequest().withScriptId(first)).getScriptId();
        String copy2 = client.copyVideoScripts(new CopyVideoScriptsRequest().withScriptId(first)).getScriptId();
        assertThat(client.showVideoScript(new ShowVideoScriptRequest().withScriptId(copy)).getScriptName())
                .isEqualTo(name + " (copy)");
        assertThat(client.showVideoScript(new ShowVideoScriptRequest().withScriptId(copy2)).getScriptName())
                .isEqualTo(name + " (copy 2)");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("L4101: the script list's view_mode defaults to LANDSCAPE")
    void theListShowsLandscapeScriptsUnlessAskedForVertical() {
        String marker = "view-" + UUID.randomUUID();
        client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(marker + " unset")));
        client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(marker + " landscape")
                .withViewMode(CreateVideoScriptsReq.ViewModeEnum.LANDSCAPE)));
        client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(marker + " vertical")
                .withViewMode(CreateVideoScriptsReq.ViewModeEnum.VERTICAL)));
        assertThat(client.listVideoScripts(new ListVideoScriptsRequest().withName(marker)).getVideoScripts())
                .extracting(s -> s.getScriptName()).containsExactlyInAnyOrder(marker + " unset", marker + " landscape");
        assertThat(client.listVideoScripts(new ListVideoScriptsRequest().withName(marker)
                .withViewMode(ListVideoScriptsRequest.ViewModeEnum.VERTICAL)).getVideoScripts())
                .extracting(s -> s.getScriptName()).containsExactly(marker + " vertical");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("L4365 script_type TEXT, L4309 clip_mode RESIZE, L4319 is_subtitle_enable false, L3794 frame_rate 25")
    void theDetailsAnswerTheDocumentedDefaults() throws Exception {
        BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        String body = ("{'script_name':'defaults " + UUID.randomUUID() + "','model_asset_id':'" + anna + "',"
                + "'video_config':{'codec':'H264','bitrate':1000,'width':1280,'height':720,'frame_rate':'30'},"
                + "'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'Hello.'}}}]}").replace('\'', '"');
        HttpResponse created = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-human-video-scripts", body));
        assertThat(created.getStatusCode()).as(created.getBodyAsString()).isEqualTo(200);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.getBodyAsString())
                .get("script_id").asText();
        ShowVideoScriptResponse shown = client.showVideoScript(new ShowVideoScriptRequest().withScriptId(id));
        assertThat(shown.getVideoConfig().getClipMode().getValue()).isEqualTo("RESIZE");
        assertThat(shown.getVideoConfig().getIsSubtitleEnable()).isFalse();
        // L3794 "The virtual avatar video frame rate is fixed at 25 FPS": a requested 30 is accepted, 25 is answered.
        assertThat(shown.getVideoConfig().getFrameRate().getValue()).isEqualTo("25");
        assertThat(shown.getShootScripts().get(0).getShootScript().getScriptType().getValue()).isEqualTo("TEXT");
    }

    /** L4465 PreviewInfo.audio_file_download_url: "Download link of the audio file corresponding to the text". */
    @Test
    @org.junit.jupiter.api.DisplayName("L4465: each TEXT scene's preview_info gets the audio of its text")
    void eachTextSceneGetsAPreviewOfItsSpeech() throws Exception {
        String id = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script("preview "
                + UUID.randomUUID()))).getScriptId();
        String url = null;
        for (int i = 0; i < 240 && url == null; i++) {
            ShowVideoScriptResponse shown = client.showVideoScript(new ShowVideoScriptRequest().withScriptId(id));
            url = shown.getShootScripts().get(1).getPreviewInfo().getAudioFileDownloadUrl();
            if (url == null) {
                Thread.sleep(500);
            }
        }
        assertThat(url).as("the preview of scene 1 was made").isNotNull();
        var info = dev.metastudio.emulator.media.probe.MediaProbe.probe(Videos.file(Assets.download(url), ".mp3"));
        assertThat(info.audio().codec()).isEqualTo("mp3");
        assertThat(info.durationSeconds()).isPositive();
    }

    @Test
    void scriptsAreListedByNameWithTheTotalCount() {
        String marker = "listed-" + UUID.randomUUID();
        client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(marker + " a")));
        client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script(marker + " b")));
        ListVideoScriptsResponse listed = client.listVideoScripts(new ListVideoScriptsRequest().withName(marker)
                .withLimit(1));
        assertThat(listed.getCount()).isEqualTo(2);
        assertThat(listed.getVideoScripts()).hasSize(1);
        assertThat(listed.getVideoScripts().get(0).getScriptType()).isEqualTo("TEXT");
        assertThat(listed.getVideoScripts().get(0).getText()).isEqualTo("First scene.");
        assertThat(listed.getVideoScripts().get(0).getScriptCoverUrl()).as("the presenter's cover").contains("/_objects/");
        assertThat(clientB().listVideoScripts(new ListVideoScriptsRequest().withName(marker)).getCount()).isZero();
    }

    @Test
    void anAudioSceneGetsAnUploadUrlAndItsUploadedSpeechIsListed() {
        CreateVideoScriptsReq body = script("audio " + UUID.randomUUID()).withShootScripts(List.of(new ShootScriptItem()
                .withSequenceNo(0).withShootScript(new ShootScript().withScriptType(ShootScript.ScriptTypeEnum.AUDIO))));
        CreateVideoScriptsResponse created = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(body));
        assertThat(created.getAudioFiles().getAudioFileUrl()).hasSize(1);
        String upload = created.getAudioFiles().getAudioFileUrl().get(0).getAudioFileUploadUrl();
        byte[] wav = TestMedia.wav(1.0, 330, 16_000);
        assertThat(Assets.put(upload, wav, null).statusCode()).isEqualTo(200);
        ShowVideoScriptResponse shown = client.showVideoScript(new ShowVideoScriptRequest()
                .withScriptId(created.getScriptId()));
        assertThat(Assets.download(shown.getAudioFiles().getAudioFileUrl().get(0).getAudioFileDownloadUrl()))
                .isEqualTo(wav);
    }

    @Test
    void anotherProjectCannotSeeTheScript() {
        String id = client.createVideoScripts(new CreateVideoScriptsRequest().withBody(script("private"))).getScriptId();
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class,
                () -> clientB().showVideoScript(new ShowVideoScriptRequest().withScriptId(id)));
        assertThat(e.getHttpStatusCode()).isEqualTo(404);
        assertThat(catchThrowableOfType(ClientRequestException.class, () -> clientB().deleteVideoScript(
                new DeleteVideoScriptRequest().withScriptId(id))).getHttpStatusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{'shoot_scripts':[]}|script_name",
            "{'script_name':'x'}|shoot_scripts",
            "{'script_name':'x','view_mode':'SIDEWAYS','shoot_scripts':[]}|view_mode",
            "{'script_name':'x','model_asset_id':'missing','shoot_scripts':[]}|model_asset_id",
            "{'script_name':'x','voice_config':{'voice_asset_id':'missing'},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'a'}}}]}|MSS.20010131",
            "{'script_name':'x','shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'a'}}},{'sequence_no':0,'shoot_script':{'text_config':{'text':'b'}}}]}|sequence_no",
            "{'script_name':'x','shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'a'},'layer_config':[{'layer_type':'IMAGE','position':{'dx':0,'dy':0,'layer_index':0},'asset_id':'x'}]}}]}|layer_index",
            "{'script_name':'x','shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'a'},'layer_config':[{'layer_type':'IMAGE','position':{'dx':0,'dy':0,'layer_index':1},'asset_id':'not-an-asset'}]}}]}|layer_config[0].asset_id",
            "{'script_name':'x','priv_data':'{PRIV}','shoot_scripts':[]}|priv_data"})
    void invalidScriptsAreRefusedNamingTheField(String body, String expected) {
        BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        HttpResponse response = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-human-video-scripts",
                body.replace("{PRIV}", "p".repeat(8193)).replace('\'', '"')));
        assertThat(response.getStatusCode()).as(response.getBodyAsString()).isEqualTo(400);
        assertThat(response.getBodyAsString()).contains(expected);
    }

    @Test
    void aVideoLayerMustBeAUsableVideoAssetAndAtMostTwoPerScene() {
        String video = Assets.uploaded(client,
                com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum.VIDEO,
                "clip.mp4", TestMedia.mp4(160, 120, 0.5));
        String layer = "{'layer_type':'VIDEO','asset_id':'" + video + "','position':{'dx':0,'dy':0,'layer_index':%d}}";
        String body = "{'script_name':'videos','shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':"
                + "{'text':'a'},'layer_config':[" + String.format(layer, 1) + "," + String.format(layer, 2) + ","
                + String.format(layer, 3) + "]}}]}";
        BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        HttpResponse response = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-human-video-scripts",
                body.replace('\'', '"')));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBodyAsString()).contains("MSS.20010106");
        String two = body.replace("," + String.format(layer, 3), "");
        assertThat(new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-human-video-scripts",
                two.replace('\'', '"'))).getStatusCode()).isEqualTo(200);
    }
}
