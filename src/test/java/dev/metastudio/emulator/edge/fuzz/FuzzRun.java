package dev.metastudio.emulator.edge.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One fuzz run against a server, as its own tenant: real ids to aim at, valid seed bodies for the endpoints whose
 * validation goes deepest, the queue paused so no fuzzed job renders, and afterwards the tenant's waiting video jobs
 * cancelled.
 */
final class FuzzRun {
    static final int MIN_REQUESTS = 2000;
    private static final ObjectMapper SDK_JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private FuzzRun() {
    }

    static ApiFuzzer.Outcome fuzz(String baseUrl, String adminToken, RequestMappingHandlerMapping mapping,
                                  ObjectMapper mapper, String label) throws Exception {
        BasicCredentials credentials = SdkWire.credentials(TestProjects.AK_FUZZ, TestProjects.SK_FUZZ,
                TestProjects.PROJECT_FUZZ);
        MetaStudioClient client = MetaStudioClient.newBuilder().withCredential(credentials)
                .withEndpoints(List.of(baseUrl)).withHttpConfig(HttpConfig.getDefaultHttpConfig()).build();
        control(baseUrl, adminToken, "/_emulator/jobs/pause");
        try {
            String asset = Assets.create(client, AssetTypeEnum.IMAGE, "fuzz target");
            String avatar = Videos.systemAvatar(client, "Anna (landscape)");
            String job = Videos.submit(client, Videos.textJob(avatar, "Fuzz."));
            String file = Assets.createFile(client, asset, "f.png", new byte[] {1, 2, 3}, "MAIN").getFileId();
            String script = new SdkWire(baseUrl).send(credentials, Call.post(
                    "/v1/{project_id}/digital-human-video-scripts", scriptBody(avatar).toString()))
                    .getBodyAsString().replaceAll(".*\"script_id\":\"([^\"]+)\".*", "$1");
            Map<String, String> ids = Map.of("asset_id", asset, "job_id", job, "file_id", file, "script_id", script);
            ApiFuzzer fuzzer = new ApiFuzzer(baseUrl, credentials, mapper, ids, seeds(asset, avatar));
            List<ApiFuzzer.Endpoint> endpoints = ApiFuzzer.endpoints(mapping, mapper);
            List<Call> calls = fuzzer.calls(endpoints);
            long started = System.nanoTime();
            ApiFuzzer.Outcome outcome = fuzzer.run(calls, 4);
            System.out.printf("[fuzz] %s: %d endpoints, %d requests in %.1f s, statuses %s, %d failures%n", label,
                    endpoints.size(), outcome.requests(), (System.nanoTime() - started) / 1e9, outcome.byStatus(),
                    outcome.failures().size());
            outcome.failures().stream().limit(40).forEach(f -> System.out.println("[fuzz] " + f));
            assertThat(endpoints).as("mapped /v1 endpoints").hasSizeGreaterThan(20);
            assertThat(outcome.requests()).isGreaterThanOrEqualTo(MIN_REQUESTS);
            return outcome;
        } finally {
            cancelWaitingVideoJobs(baseUrl, adminToken, credentials);
            control(baseUrl, adminToken, "/_emulator/jobs/resume");
        }
    }

    private static Map<String, JsonNode> seeds(String asset, String avatar) throws Exception {
        Map<String, JsonNode> seeds = new LinkedHashMap<>();
        JsonNode assetBody = SDK_JSON.readTree("""
                {"asset_name":"fuzz","asset_description":"d","asset_type":"IMAGE","tags":["t"],
                 "system_properties":[{"key":"MATERIAL_IMG","value":"Yes"}],
                 "shared_config":{"shared_type":"PRIVATE","allowed_project_ids":["p"]},
                 "supported_service":["VIDEO_2D"],"asset_order":1,"review_config":{"no_need_review":true},
                 "is_need_generate_cover":false,
                 "asset_extra_meta":{"human_model_2d_meta":{"device_names":["d"],"model_resolution":"1080P"}}}""");
        seeds.put("POST /v1/{project_id}/digital-assets", assetBody);
        seeds.put("PUT /v1/{project_id}/digital-assets/{asset_id}", assetBody);
        seeds.put("POST /v1/{project_id}/digital-assets/batch-action", SDK_JSON.readTree(
                "{\"action\":\"SHARE\",\"asset_ids\":[\"" + asset + "\"],\"params\":\"p1,p2\"}"));
        seeds.put("POST /v1/{project_id}/digital-assets/summaries", SDK_JSON.readTree(
                "{\"asset_ids\":[\"" + asset + "\"]}"));
        seeds.put("POST /v1/{project_id}/files", SDK_JSON.readTree("{\"asset_id\":\"" + asset + "\",\"file_name\":"
                + "\"x.png\",\"file_size\":10,\"file_type\":\"png\",\"asset_file_category\":\"COVER\","
                + "\"file_md5\":\"1B2M2Y8AsgTpgAmY7PhCfg==\"}"));
        seeds.put("POST /v1/{project_id}/large-files", SDK_JSON.readTree("{\"asset_id\":\"" + asset
                + "\",\"file_name\":\"x.mp4\",\"file_size\":10,\"file_type\":\"mp4\",\"asset_file_category\":"
                + "\"OTHER\",\"file_multipart_count\":2}"));
        seeds.put("POST /v1/{project_id}/2d-digital-human-videos",
                SDK_JSON.valueToTree(Videos.textJob(avatar, "Fuzz.")));
        seeds.put("POST /v1/{project_id}/digital-human-video-scripts", scriptBody(avatar));
        seeds.put("PUT /v1/{project_id}/digital-human-video-scripts/{script_id}", scriptBody(avatar));
        seeds.put("POST /v1/{project_id}/ttsc/audition", SDK_JSON.readTree("{\"text\":\"Hello.\",\"emotion\":\""
                + Videos.EMMA + "\",\"speed\":100,\"pitch\":100,\"volume\":140}"));
        return seeds;
    }

    private static JsonNode scriptBody(String avatar) throws Exception {
        return SDK_JSON.readTree("{\"script_name\":\"fuzz script\",\"script_description\":\"d\",\"model_asset_id\":\"" + avatar
                + "\",\"voice_config\":{\"voice_asset_id\":\"" + Videos.EMMA + "\"},\"video_config\":{\"codec\":"
                + "\"H264\",\"bitrate\":1000,\"width\":1280,\"height\":720},\"shoot_scripts\":[{\"sequence_no\":0,"
                + "\"shoot_script\":{\"script_type\":\"TEXT\",\"text_config\":{\"text\":\"Hello.\"}}}]}");
    }

    private static void cancelWaitingVideoJobs(String baseUrl, String adminToken, BasicCredentials credentials)
            throws Exception {
        JsonNode jobs = SDK_JSON.readTree(control(baseUrl, adminToken, "/_emulator/jobs?state=WAITING&limit=1000"
                + "&project_id=" + TestProjects.PROJECT_FUZZ));
        SdkWire wire = new SdkWire(baseUrl);
        for (JsonNode job : jobs.path("jobs")) {
            wire.send(credentials, Call.post("/v1/{project_id}/2d-digital-human-videos/"
                    + job.path("job_id").asText() + "/cancel", null));
        }
    }

    private static String control(String baseUrl, String adminToken, String pathAndQuery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        request = pathAndQuery.contains("/pause") || pathAndQuery.contains("/resume")
                ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + ": " + response.body()).isEqualTo(200);
        return response.body();
    }
}
