package dev.metastudio.emulator.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpResponse;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Tokens;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad create bodies get 400 MSS.00000003 naming the field; never a 500. Plus the 24-hour upload deadline. */
class AssetCreateValidationTest extends ServerTest {
    @Autowired
    private UploadDeadlineSweeper sweeper;
    @Autowired
    private JdbcTemplate jdbc;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"asset_type\":\"IMAGE\"}|asset_name",
            "{\"asset_name\":\"x\"}|asset_type",
            "{\"asset_name\":\"x\",\"asset_type\":\"PICTURE\"}|asset_type",
            "{\"asset_name\":\"x\",\"asset_type\":\"VOICE_MODEL\"}|asset_type",
            "{\"asset_name\":\"x\",\"asset_type\":\"HUMAN_MODEL_2D\"}|asset_type",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"asset_order\":40000}|asset_order",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"asset_order\":\"first\"}|asset_order",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"tags\":\"one\"}|tags",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"system_properties\":[{\"key\":\"NOPE\",\"value\":\"Yes\"}]}|system_properties[0].key",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"system_properties\":[{\"key\":\"BACKGROUND_IMG\"}]}|system_properties[0].value",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"supported_service\":[\"VIDEO_3D\"]}|supported_service",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"asset_extra_meta\":{\"voice_model_meta\":{\"sex\":\"BOTH\"}}}|asset_extra_meta.voice_model_meta.sex",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"asset_extra_meta\":{\"voice_model_meta\":{\"speed_ratio\":101}}}|asset_extra_meta.voice_model_meta.speed_ratio",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"asset_extra_meta\":{\"human_model_2d_meta\":{\"model_resolution\":\"8K\"}}}|model_resolution",
            "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\"|not valid JSON",
            "[1,2]|request body"})
    void invalidBodiesAreRefusedNamingTheField(String body, String field) {
        HttpResponse response = post(body, Map.of());
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBodyAsString()).contains("\"error_code\":\"MSS.00000003\"").contains(field);
    }

    @Test
    void limitsOnNamesTagsAndDescriptionsAreEnforced() {
        String longName = "n".repeat(257);
        assertThat(post("{\"asset_name\":\"" + longName + "\",\"asset_type\":\"IMAGE\"}", Map.of()).getBodyAsString())
                .contains("asset_name");
        String description = "d".repeat(4097);
        assertThat(post("{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"asset_description\":\"" + description + "\"}",
                Map.of()).getBodyAsString()).contains("asset_description");
        StringBuilder tags = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        assertThat(post("{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"tags\":" + tags + "]}", Map.of())
                .getBodyAsString()).contains("tags");
        assertThat(post("{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"tags\":[\"" + "t".repeat(129) + "\"]}",
                Map.of()).getBodyAsString()).contains("tags[0]");
    }

    /** HTTP client libraries refuse non-ASCII header values, so the UTF-8 bytes go out over a plain socket. */
    @Test
    void aChineseAppUserIdIsRefused() throws Exception {
        String token = Tokens.issue(baseUrl(), TestProjects.USER_A, TestProjects.PASSWORD_A, TestProjects.PROJECT_A);
        byte[] body = "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/" + TestProjects.PROJECT_A + "/digital-assets HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nX-Auth-Token: " + token + "\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length + "\r\nX-App-UserId: ").getBytes(StandardCharsets.US_ASCII));
            out.write("用户".getBytes(StandardCharsets.UTF_8));
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400").contains("X-App-UserId").contains("Chinese");
        }
    }

    /** The reference spells the business-card type TEMPLATE in requests and TEMPLET in responses: both work. */
    @Test
    void bothBusinessCardSpellingsAreAcceptedAndTempletIsAnswered() {
        HttpResponse created = post("{\"asset_name\":\"card\",\"asset_type\":\"BUSINESS_CARD_TEMPLATE\"}", Map.of());
        assertThat(created.getStatusCode()).isEqualTo(200);
        String id = created.getBodyAsString().replaceAll(".*\"asset_id\":\"([^\"]+)\".*", "$1");
        HttpResponse shown = new SdkWire(baseUrl()).send(credentials(), Call.get("/v1/{project_id}/digital-assets/" + id));
        assertThat(shown.getBodyAsString()).contains("\"asset_type\":\"BUSINESS_CARD_TEMPLET\"");
    }

    @Test
    void anAssetWithoutAMainFileAfter24HoursFails() {
        HttpResponse created = post("{\"asset_name\":\"never uploaded\",\"asset_type\":\"VIDEO\"}", Map.of());
        String id = created.getBodyAsString().replaceAll(".*\"asset_id\":\"([^\"]+)\".*", "$1");
        jdbc.update("UPDATE asset SET create_time = create_time - INTERVAL '25' HOUR WHERE asset_id = ?", id);
        sweeper.sweep();
        HttpResponse shown = new SdkWire(baseUrl()).send(credentials(), Call.get("/v1/{project_id}/digital-assets/" + id));
        assertThat(shown.getBodyAsString()).contains("\"asset_state\":\"FAILED\"").contains("within 24 hours");
        // A fresh one is left alone.
        HttpResponse fresh = post("{\"asset_name\":\"just created\",\"asset_type\":\"VIDEO\"}", Map.of());
        String freshId = fresh.getBodyAsString().replaceAll(".*\"asset_id\":\"([^\"]+)\".*", "$1");
        sweeper.sweep();
        assertThat(new SdkWire(baseUrl()).send(credentials(), Call.get("/v1/{project_id}/digital-assets/" + freshId))
                .getBodyAsString()).contains("\"asset_state\":\"CREATING\"");
    }

    private HttpResponse post(String body, Map<String, String> headers) {
        return new SdkWire(baseUrl()).send(credentials(),
                Call.post("/v1/{project_id}/digital-assets", body).withHeaders(headers));
    }

    private static BasicCredentials credentials() {
        return SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
    }
}
