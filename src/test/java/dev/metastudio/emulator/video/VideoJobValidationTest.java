package dev.metastudio.emulator.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpResponse;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented rule of a job body refused with 400 and the field named (the JSON as an integrator sends it). */
class VideoJobValidationTest extends ServerTest {
    private String anna;

    @BeforeEach
    void findAvatar() {
        anna = Videos.systemAvatar(clientA(), "Anna (landscape)");
    }

    /** {model}, {voice} and {name} are filled in; each case breaks one rule. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}]}|output_asset_config|no output",
            "{'voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|model_asset_id|no model",
            "{'model_asset_id':'unknown-model','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|model_asset_id|unknown model",
            "{'model_asset_id':'{voice}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|expected HUMAN_MODEL_2D|model of another type",
            "{'model_asset_id':'{model}','video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|voice_config|text without a voice",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}','speed':300},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|voice_config.speed|speed out of range",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'shoot_scripts':[{SCENE}],{OUT}}|video_config|no video config",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{'codec':'H264','bitrate':2000,'width':1000,'height':500},'shoot_scripts':[{SCENE}],{OUT}}|video_config.width|undocumented resolution",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{'codec':'H264','bitrate':2000,'width':3840,'height':2160},'shoot_scripts':[{SCENE}],{OUT}}|model_resolution|4K on a 1080P model",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{'codec':'VP9','bitrate':2000,'width':1280,'height':720},'shoot_scripts':[{SCENE}],{OUT}}|video_config.codec|VP9",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{'codec':'H264','bitrate':20,'width':1280,'height':720},'shoot_scripts':[{SCENE}],{OUT}}|video_config.bitrate|bitrate too low",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{'codec':'H264','bitrate':2000,'width':1280,'height':720,'frame_rate':'60'},'shoot_scripts':[{SCENE}],{OUT}}|video_config.frame_rate|frame rate",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[],{OUT}}|shoot_scripts|no scenes",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE},{SCENE}],{OUT}}|sequence_no|duplicate sequence_no",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'script_type':'TEXT'}}],{OUT}}|text_config.text|TEXT scene without text",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'script_type':'AUDIO'}}],{OUT}}|audio_drive_file_external_url|AUDIO scene without audio",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},'background_config':[{'background_type':'COLOR','background_color_config':'blue'}]}}],{OUT}}|background_color_config|bad colour",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},'background_config':[{'background_type':'IMAGE','background_config':'https://example.com/bg.png'}]}}],{OUT}}|external URLs|external background URL",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},'layer_config':[{'layer_type':'TEXT','position':{'dx':0,'dy':0,'layer_index':101},'text_config':{'text_context':'aGk='}}]}}],{OUT}}|layer_index|layer_index out of range",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},'layer_config':[{'layer_type':'TEXT','position':{'dx':0,'dy':0,'layer_index':1},'text_config':{'text_context':'not base64!'}}]}}],{OUT}}|text_context|text layer not Base64",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},'layer_config':[{'layer_type':'HUMAN','asset_id':'other-model','position':{'dx':0,'dy':0,'layer_index':1}}]}}],{OUT}}|one avatar model|a second avatar",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT},'callback_config':{'callback_url':'http://10.1.2.3/hook'}}|callback_config.callback_url|callback to a forbidden host",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT},'callback_config':{'callback_url':'http://127.0.0.1:9/hook','auth_type':'MSS_A'}}|callback_config.key|MSS_A without key",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT},'background_music_config':{'music_asset_id':'{model}'}}|background_music_config.music_asset_id|music of another type"})
    void brokenRulesAreRefusedNamingTheField(String template, String expected, String description) {
        HttpResponse response = post(fill(template));
        assertThat(response.getStatusCode()).as(response.getBodyAsString()).isEqualTo(400);
        assertThat(response.getBodyAsString()).contains("error_code").contains(expected);
    }

    /**
     * Issue 13 item 15: where 11.2 has a code for the case it is used instead of the generic MSS.00000003, always with
     * HTTP 400 (11.2 lists MSS.20010027/20010096/20010019 under 500; the section's table gives 400 for parameter
     * errors, and that is the decision).
     */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "{'voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|MSS.20010096|L16972 no model",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[],{OUT}}|MSS.20010027|L16924 no scenes",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},{OUT}}|MSS.20010027|L16924 shoot_scripts absent",
            "{'model_asset_id':'unknown-model','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|MSS.20010140|L16862 unknown model",
            "{'model_asset_id':'{voice}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}|MSS.20010155|L16874 model of another type",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},'background_config':[{'background_type':'IMAGE'}]}}],{OUT}}|MSS.20010143|L16864 image background without config",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},'background_config':[{'background_type':'IMAGE','background_config':'https://example.com/bg.png'}]}}],{OUT}}|MSS.20010093|L16844 external background URL",
            "{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},'shoot_scripts':[{SCENE}],'output_asset_config':{'asset_name':'a/b'}}|MSS.20010019|L16917 invalid output name"})
    void theSpecificCodeOfTable112IsUsed(String template, String code, String description) {
        HttpResponse response = post(fill(template));
        assertThat(response.getStatusCode()).as(response.getBodyAsString()).isEqualTo(400);
        assertThat(response.getBodyAsString()).contains("\"error_code\":\"" + code + "\"");
    }

    @Test
    void anUnknownTimbreIsTheDocumentedTimbreError() {
        HttpResponse response = post(fill("{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'nope'},"
                + "'video_config':{VIDEO},'shoot_scripts':[{SCENE}],{OUT}}"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBodyAsString()).contains("MSS.20010131");
    }

    @Test
    void textLimitsPerSceneAndInTotalAreEnforced() {
        String long10k = "a".repeat(10_001);
        HttpResponse scene = post(fill("{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},"
                + "'video_config':{VIDEO},'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'"
                + long10k + "'}}}],{OUT}}"));
        assertThat(scene.getBodyAsString()).contains("text_config.text").contains("10000").contains("MSS.20010109");
        StringBuilder scenes = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            scenes.append(i == 0 ? "" : ",").append("{'sequence_no':").append(i)
                    .append(",'shoot_script':{'text_config':{'text':'").append("b".repeat(9_500)).append("'}}}");
        }
        HttpResponse total = post(fill("{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},"
                + "'video_config':{VIDEO},'shoot_scripts':[" + scenes + "],{OUT}}"));
        assertThat(total.getBodyAsString()).contains("100000").contains("MSS.20010156");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{'sequence_no':").append(i)
                    .append(",'shoot_script':{'text_config':{'text':'x'}}}");
        }
        HttpResponse tooMany = post(fill("{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},"
                + "'video_config':{VIDEO},'shoot_scripts':[" + many + "],{OUT}}"));
        assertThat(tooMany.getBodyAsString()).contains("shoot_scripts").contains("100");
    }

    @Test
    void theOutputNameMustBeUniqueAmongVideos() {
        String name = "unique-" + UUID.randomUUID();
        String body = fill("{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},'video_config':{VIDEO},"
                + "'shoot_scripts':[{SCENE}],'output_asset_config':{'asset_name':'" + name + "'}}");
        assertThat(post(body).getStatusCode()).isEqualTo(200);
        HttpResponse again = post(body);
        assertThat(again.getStatusCode()).isEqualTo(400);
        assertThat(again.getBodyAsString()).contains("MSS.20010008");
    }

    /** The reference's own example sends dx as a string, sizes as floats and background_config as one object. */
    @Test
    void theReferenceExamplesLenientShapesAreAccepted() {
        String body = fill("{'model_asset_id':'{model}','voice_config':{'voice_asset_id':'{voice}'},"
                + "'video_config':{'codec':'H264','bitrate':2000,'width':1280,'height':720,'frame_rate':30},"
                + "'shoot_scripts':[{'sequence_no':0,'shoot_script':{'text_config':{'text':'hi'},"
                + "'background_config':{'background_type':'COLOR','background_color_config':'#000000'},"
                + "'layer_config':[{'layer_type':'HUMAN','position':{'dx':'656','dy':'0','layer_index':1},"
                + "'size':{'width':607.5,'height':1080}}]}}],{OUT}}");
        HttpResponse response = post(body);
        assertThat(response.getStatusCode()).as(response.getBodyAsString()).isEqualTo(200);
    }

    @Test
    void anUnknownScriptIsNotFound() {
        HttpResponse response = post(fill("{'script_id':'no-such-script',{OUT}}"));
        assertThat(response.getStatusCode()).isEqualTo(404);
    }

    private String fill(String template) {
        return template.replace("{VIDEO}", "{'codec':'H264','bitrate':2000,'width':1280,'height':720}")
                .replace("{SCENE}", "{'sequence_no':0,'shoot_script':{'script_type':'TEXT','text_config':{'text':'Hi.'}}}")
                .replace("{OUT}", "'output_asset_config':{'asset_name':'v-" + UUID.randomUUID() + "'}")
                .replace("{model}", anna).replace("{voice}", Videos.EMMA).replace('\'', '"');
    }

    private HttpResponse post(String body) {
        BasicCredentials b = SdkWire.credentials(TestProjects.AK_B, TestProjects.SK_B, TestProjects.PROJECT_B);
        return new SdkWire(baseUrl()).send(b, Call.post("/v1/{project_id}/2d-digital-human-videos", body));
    }
}
