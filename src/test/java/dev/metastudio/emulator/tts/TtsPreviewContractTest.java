package dev.metastudio.emulator.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTtsAuditionRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateTtsAuditionRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.ShowTtsAuditionFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowTtsAuditionFileResponse;
import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaKind;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.media.speech.SpeechProbe;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TTS preview (reference 10): an asynchronous job whose file is a real MP3 of the timbre's voice. */
class TtsPreviewContractTest extends ServerTest {
    /** "Yunge" (a Mandarin timbre), AP-Singapore id as printed in the reference. */
    private static final String YUNGE = "cbcfa73488876ce507144c87307440";
    private MetaStudioClient client;

    @BeforeEach
    void connect() {
        client = clientA();
    }

    @Test
    void anEnglishPreviewBecomesADownloadableMp3() throws Exception {
        String jobId = client.createTtsAudition(new CreateTtsAuditionRequest().withBody(new CreateTtsAuditionRequestBody()
                .withText("Hello, everyone. I'm Sarah.").withEmotion(Videos.EMMA).withSpeed(110).withVolume(160)))
                .getJobId();
        ShowTtsAuditionFileResponse files = await(jobId);
        assertThat(files.getIsFileComplete()).isTrue();
        assertThat(files.getFiles()).hasSize(1);
        MediaInfo info = MediaProbe.probe(Videos.file(Assets.download(files.getFiles().get(0).getDownloadUrl()), ".mp3"));
        assertThat(info.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(info.audio().codec()).isEqualTo("mp3");
        assertThat(info.durationSeconds()).isBetween(0.8, 10.0);
    }

    /** Mandarin goes through espeak-ng; without it installed this test fails saying so instead of accepting the error. */
    @Test
    void aMandarinPreviewUsesEspeakNg() throws Exception {
        SpeechProbe.requireEspeak();
        String jobId = client.createTtsAudition(new CreateTtsAuditionRequest().withBody(new CreateTtsAuditionRequestBody()
                .withText("大家好，欢迎使用数字人。").withEmotion(YUNGE))).getJobId();
        ShowTtsAuditionFileResponse files = await(jobId);
        assertThat(files.getFiles()).as("message: " + files.getMessage()).hasSize(1);
        MediaInfo info = MediaProbe.probe(Videos.file(Assets.download(files.getFiles().get(0).getDownloadUrl()), ".mp3"));
        assertThat(info.audio().codec()).isEqualTo("mp3");
        assertThat(info.durationSeconds()).isGreaterThan(1.0);
    }

    @Test
    void anUnknownTimbreIsRefusedWithTheTimbreCode() {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class,
                () -> client.createTtsAudition(new CreateTtsAuditionRequest().withBody(new CreateTtsAuditionRequestBody()
                        .withText("Hello").withEmotion("0000000000000000000000000000dead"))));
        assertThat(e.getHttpStatusCode()).isEqualTo(400);
        assertThat(e.getErrorCode()).isEqualTo("MSS.20010131");
    }

    /** Chapter 10 answers its own nine-digit codes with a request_id in the body. */
    @Test
    void invalidParametersGetTheChapterTenEnvelope() {
        BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        HttpResponse noText = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/ttsc/audition",
                "{\"emotion\":\"" + Videos.EMMA + "\"}"));
        assertThat(noText.getStatusCode()).isEqualTo(400);
        assertThat(noText.getBodyAsString()).contains("\"error_code\":\"MSS.000000003\"").contains("text")
                .contains("\"request_id\":\"" + noText.getHeader("X-Request-Id") + "\"");
        HttpResponse speed = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/ttsc/audition",
                "{\"text\":\"hi\",\"emotion\":\"" + Videos.EMMA + "\",\"speed\":20}"));
        assertThat(speed.getBodyAsString()).contains("MSS.000000003").contains("speed");
        HttpResponse unknown = new SdkWire(baseUrl()).send(a, Call.get("/v1/{project_id}/ttsc/audition-file/nope"));
        assertThat(unknown.getStatusCode()).isEqualTo(400);
        assertThat(unknown.getBodyAsString()).contains("MSS.20050013");
        // Another project's job does not exist for the caller.
        String jobId = client.createTtsAudition(new CreateTtsAuditionRequest().withBody(new CreateTtsAuditionRequestBody()
                .withText("mine").withEmotion(Videos.EMMA))).getJobId();
        assertThat(catchThrowableOfType(ClientRequestException.class, () -> clientB().showTtsAuditionFile(
                new ShowTtsAuditionFileRequest().withJobId(jobId))).getErrorCode()).isEqualTo("MSS.20050013");
    }

    private ShowTtsAuditionFileResponse await(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            ShowTtsAuditionFileResponse files = client.showTtsAuditionFile(new ShowTtsAuditionFileRequest().withJobId(jobId));
            if (Boolean.TRUE.equals(files.getIsFileComplete()) || Instant.now().isAfter(deadline)) {
                return files;
            }
            Thread.sleep(200);
        }
    }
}
