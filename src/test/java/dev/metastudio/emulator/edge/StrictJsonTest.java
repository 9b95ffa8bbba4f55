package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are read strictly (config/StrictJsonConfig), and every length that reaches a column is checked
 * first: each case here was a silent misreading or a 500 before, and is now a 400 naming the field.
 */
class StrictJsonTest extends ServerTest {
    private final BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);

    @Test
    void anEnumGivenAsANumberIsRefusedAndDoesNothing() {
        String asset = Assets.create(clientA(), AssetTypeEnum.IMAGE, "not force-deleted by an ordinal");
        // Position 1 of BatchAction.Action is DELETE_FORCE.
        assertRefused(post("/v1/{project_id}/digital-assets/batch-action",
                "{\"action\":1,\"asset_ids\":[\"" + asset + "\"]}"), "action");
        assertRefused(post("/v1/{project_id}/digital-assets/batch-action",
                "{\"action\":\"1\",\"asset_ids\":[\"" + asset + "\"]}"), "action");
        assertThat(Assets.show(clientA(), asset).getAssetState().getValue()).isEqualTo("CREATING");
        String avatar = Videos.systemAvatar(clientA(), "Anna (landscape)");
        assertRefused(post("/v1/{project_id}/2d-digital-human-videos", "{\"model_asset_id\":\"" + avatar
                + "\",\"video_config\":{\"codec\":1,\"width\":1280,\"height\":720}}"), "video_config.codec");
    }

    @Test
    void dataAfterTheJsonValueIsRefused() {
        // A bare word after the value is not even a JSON token: refused as invalid JSON at its position.
        assertRefused(post("/v1/{project_id}/digital-assets", "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\"} junk"),
                "not valid JSON (line 1, column 41)");
        assertRefused(post("/v1/{project_id}/digital-assets",
                "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\"}{\"asset_name\":\"y\"}"), "data after the end");
    }

    @Test
    void aNulCharacterAnywhereIsRefusedNamingWhere() {
        assertRefused(post("/v1/{project_id}/digital-assets", "{\"asset_name\":\"a\\u0000b\",\"asset_type\":\"IMAGE\"}"),
                "asset_name must not contain NUL");
        assertRefused(post("/v1/{project_id}/digital-assets",
                "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"tags\":[\"ok\",\"\\u0000\"]}"), "tags[1]");
        assertRefused(post("/v1/{project_id}/digital-assets", "{\"asset\\u0000name\":\"x\"}"), "field name");
        HttpResponse query = new SdkWire(baseUrl()).send(a, Call.get("/v1/{project_id}/digital-assets")
                .withQuery(Map.of("name", List.of("a\u0000b"))));
        assertRefused(query, "name must not contain control characters");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        assertRefused(post("/v1/{project_id}/digital-assets",
                "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"asset_name\":\"y\"}"), "asset_name appears more than once");
    }

    @Test
    void nullListItemsAreRefusedNamingTheItem() {
        assertRefused(post("/v1/{project_id}/digital-assets",
                "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\",\"supported_service\":[\"VIDEO_2D\",null]}"),
                "supported_service[1] must not be null");
        assertRefused(post("/v1/{project_id}/digital-assets/batch-action",
                "{\"action\":\"DELETE\",\"asset_ids\":[null]}"), "asset_ids[0] must not be null");
        assertRefused(post("/v1/{project_id}/digital-assets/summaries", "{\"asset_ids\":[\"x\",null]}"),
                "asset_ids[1] must not be null");
    }

    @Test
    void anEmptyOrBooleanAssetInfoIsRefused() {
        for (String info : new String[] {"\"\"", "true", "\"dHJ1ZQ==\""}) {
            assertRefused(post("/v1/{project_id}/digital-assets-by-replication-info", "{\"asset_info\":" + info
                    + ",\"encryption_info\":{\"algorithm\":\"AES128_GCM\",\"iv\":\"AAAAAAAAAAAAAAAA\"}}"), "asset_info");
        }
    }

    @Test
    void sharedProjectIdsOverSixtyFourCharactersAreRefused() {
        String asset = Assets.create(clientA(), AssetTypeEnum.IMAGE, "share target");
        String longId = "p".repeat(65);
        assertRefused(post("/v1/{project_id}/digital-assets/batch-action", "{\"action\":\"SHARE\",\"asset_ids\":[\""
                + asset + "\"],\"params\":\"ok," + longId + "\"}"), "params[1] must be 1 to 64 characters");
        assertRefused(post("/v1/{project_id}/digital-assets", "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\","
                + "\"shared_config\":{\"shared_type\":\"SHARED\",\"allowed_project_ids\":[\"" + longId + "\"]}}"),
                "shared_config.allowed_project_ids[0]");
    }

    @Test
    void anAppUserIdOver128CharactersIsRefusedByEveryEndpoint() {
        Map<String, String> header = Map.of("X-App-UserId", "u".repeat(129));
        assertRefused(new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-assets",
                "{\"asset_name\":\"x\",\"asset_type\":\"IMAGE\"}").withHeaders(header)), "X-App-UserId");
        String avatar = Videos.systemAvatar(clientA(), "Anna (landscape)");
        assertRefused(new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/2d-digital-human-videos",
                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Videos.textJob(avatar, "Hi."))
                        .toString()).withHeaders(header)), "X-App-UserId");
        HttpResponse tts = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/ttsc/audition",
                "{\"text\":\"Hi.\",\"emotion\":\"" + Videos.EMMA + "\"}").withHeaders(header));
        assertThat(tts.getStatusCode()).isEqualTo(400);
        // TTS keeps its own nine-digit code for an invalid parameter.
        assertThat(tts.getBodyAsString()).contains("MSS.000000003").contains("X-App-UserId");
    }

    @Test
    void concurrentDeletesOfOneAssetNeverAnswer500() throws Exception {
        String asset = Assets.create(clientA(), AssetTypeEnum.IMAGE, "deleted by many at once");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(pool.submit(() -> new SdkWire(baseUrl()).send(a, Call.of(HttpMethod.DELETE,
                    "/v1/{project_id}/digital-assets/" + asset).withQuery(Map.of("mode", List.of("force"))))
                    .getStatusCode()));
        }
        List<Integer> answers = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answers.add(status.get());
        }
        pool.shutdown();
        assertThat(answers).contains(200).allMatch(s -> s == 200 || s == 404 || s == 409);
    }

    private HttpResponse post(String path, String body) {
        return new SdkWire(baseUrl()).send(a, Call.post(path, body));
    }

    private static void assertRefused(HttpResponse response, String mentioned) {
        assertThat(response.getStatusCode()).as(response.getBodyAsString()).isEqualTo(400);
        assertThat(response.getBodyAsString()).contains("MSS.0000000").contains(mentioned);
        assertThat(response.getHeader("X-Request-Id")).matches("[0-9a-f]{32}");
    }
}
