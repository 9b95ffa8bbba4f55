package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huaweicloud.sdk.core.http.HttpResponse;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import org.junit.jupiter.api.Test;

/** The attack: a job whose callback_url is the emulator's own pause endpoint is refused when created. */
class SelfCallbackTest extends ServerTest {

    @Test
    void aCallbackUrlPointingAtTheEmulatorItselfIsRefusedAtJobCreation() {
        String avatar = Videos.systemAvatar(clientA(), "Anna (landscape)");
        for (String url : new String[] {"http://127.0.0.1:" + port + "/_emulator/jobs/pause",
                "http://localhost:" + port + "/_emulator/jobs/pause", "http://[::1]:" + port + "/v1/x"}) {
            ObjectNode body = new ObjectMapper().valueToTree(Videos.textJob(avatar, "Hello."));
            body.putObject("callback_config").put("callback_url", url);
            HttpResponse response = new SdkWire(baseUrl()).send(SdkWire.credentials(TestProjects.AK_A,
                    TestProjects.SK_A, TestProjects.PROJECT_A), Call.post("/v1/{project_id}/2d-digital-human-videos",
                    body.toString()));
            assertThat(response.getStatusCode()).as(url).isEqualTo(400);
            assertThat(response.getBodyAsString()).as(url).contains("callback_config.callback_url")
                    .contains("this emulator itself");
        }
    }
}
