package dev.metastudio.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import dev.metastudio.emulator.EmulatorApplication;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.TestDatabase;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Fault and progression rules live in the database: set on one node they are obeyed by a second node on the same
 * PostgreSQL, and they are still there, with their hit counts, after every node restarted. A full reset then
 * removes them and every tenant's jobs, and keeps the system library.
 */
class ControlSettingsSurviveRestartTest {
    private static final String OPS = TestProjects.PROJECT_OPS;

    @Test
    void rulesSetOnOneNodeAreObeyedByAnotherAndSurviveARestart() throws Exception {
        TestDatabase.Target db = TestDatabase.freshSchema();
        Path data = Files.createTempDirectory("msemu-control-settings");
        String rule;
        String jobId;
        try (ConfigurableApplicationContext first = start(db, data);
             ConfigurableApplicationContext second = start(db, data)) {
            ControlPlane one = new ControlPlane(base(first));
            // Looked up before the rule, which fails ListAssets.
            String avatar = Videos.systemAvatar(client(first), "Anna (landscape)");
            rule = one.fault("""
                    {"match": {"operation": "ListAssets", "project_id": "%s"},
                     "response": {"status": 503, "error_code": "MSS.00000004", "error_msg": "Cluster-wide outage"}}"""
                    .formatted(OPS));
            one.put("/_emulator/progression/VIDEO", "{\"mode\": \"manual\"}").expect(200);

            // The second node reads the rules from the database (each node caches them for at most 500 ms).
            Thread.sleep(1000);
            MetaStudioClient onSecond = client(second);
            assertThat(status(onSecond)).isEqualTo(503);
            ControlPlane two = new ControlPlane(base(second));
            assertThat(two.get("/_emulator/progression").expect(200).get("rules").get(0).get("mode").asText())
                    .isEqualTo("manual");
            jobId = Videos.submit(onSecond, Videos.textJob(avatar, "Held."));
            assertThat(two.get("/_emulator/jobs/" + jobId).expect(200).get("queue_state").asText()).isEqualTo("HELD");
        }

        try (ConfigurableApplicationContext restarted = start(db, data)) {
            ControlPlane control = new ControlPlane(base(restarted));
            MetaStudioClient client = client(restarted);
            JsonNode kept = control.get("/_emulator/faults/" + rule).expect(200);
            assertThat(kept.get("hits").asInt()).isEqualTo(1);
            assertThat(status(client)).isEqualTo(503);
            assertThat(control.hits(rule)).isEqualTo(2);
            assertThat(control.get("/_emulator/progression").expect(200).get("rules").get(0).get("mode").asText())
                    .isEqualTo("manual");
            Thread.sleep(1000);
            assertThat(client.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(jobId))
                    .getState().getValue()).as("still held for an advance").isEqualTo("WAITING");

            // A full reset (no body): every rule and every tenant's job go; the system library stays.
            JsonNode removed = control.post("/_emulator/reset", null).expect(200).get("removed");
            assertThat(removed.get("fault_rules").asLong()).isEqualTo(1);
            assertThat(removed.get("progression_rules").asLong()).isEqualTo(1);
            assertThat(removed.get("jobs").asLong()).isEqualTo(1);
            assertThat(removed.get("video_jobs").asLong()).isEqualTo(1);
            assertThat(status(client)).isEqualTo(200);
            assertThat(client.listAssets(new ListAssetsRequest().withAssetSource(ListAssetsRequest.AssetSourceEnum.SYSTEM))
                    .getCount()).isPositive();
            assertThat(control.get("/_emulator/progression").expect(200).get("rules")).isEmpty();
        }
    }

    private static int status(MetaStudioClient client) {
        ServiceResponseException e = catchThrowableOfType(() -> client.listAssets(new ListAssetsRequest()),
                ServiceResponseException.class);
        return e == null ? 200 : e.getHttpStatusCode();
    }

    private static ConfigurableApplicationContext start(TestDatabase.Target db, Path data) {
        return new SpringApplicationBuilder(EmulatorApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--metastudio.data-dir=" + data,
                "--metastudio.credentials=" + TestProjects.CREDENTIALS, "--metastudio.users=" + TestProjects.USERS,
                "--metastudio.workers.count=1");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static MetaStudioClient client(ConfigurableApplicationContext context) {
        return MetaStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(TestProjects.AK_OPS).withSk(TestProjects.SK_OPS)
                        .withProjectId(OPS))
                .withEndpoints(List.of(base(context)))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .build();
    }
}
