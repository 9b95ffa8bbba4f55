package dev.metastudio.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.ListDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetResponse;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowTtsAuditionFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowTtsAuditionFileResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ShowVideoScriptRequest;
import dev.metastudio.emulator.EmulatorApplication;
import dev.metastudio.emulator.support.TestDatabase;
import dev.metastudio.emulator.support.Videos;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A database created by the release with migrations V1-V4 upgrades in place: the schema is migrated to version 4,
 * filled with rows as that release wrote them (assets, files, a script, video jobs in every state, TTS jobs,
 * callback deliveries), migrated to the latest version, and every row is found in the new tables and through the
 * API; a job that was waiting, and one whose node was gone mid-render, still run to SUCCEED.
 */
class UpgradeFromV4Test {
    private static final String PROJECT = "e9993fc787d94b6c886cbaa340f9c0f4";
    private static final String WAITING = "00000000-0000-4000-8000-000000000001";
    private static final String PROCESSING = "00000000-0000-4000-8000-000000000002";
    private static final String SUCCEED = "00000000-0000-4000-8000-000000000003";
    private static final String FAILED = "00000000-0000-4000-8000-000000000004";
    private static final String CANCELED = "00000000-0000-4000-8000-000000000005";
    private static final String BLOCK = "00000000-0000-4000-8000-000000000006";
    private static final String TTS_WAITING = "00000000-0000-4000-8000-000000000011";
    private static final String TTS_SUCCEED = "00000000-0000-4000-8000-000000000012";
    private static final String TTS_FAILED = "00000000-0000-4000-8000-000000000013";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void upgradesOnPostgresql() throws Exception {
        TestDatabase.Target db = TestDatabase.freshSchema();
        upgradeAndCheck(db.url(), db.username(), db.password());
    }

    @Test
    void upgradesOnH2() throws Exception {
        Path dir = Files.createTempDirectory("msemu-upgrade-h2");
        upgradeAndCheck("jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH", "sa", "");
    }

    private void upgradeAndCheck(String url, String user, String password) throws Exception {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("4").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            runScript(c, "/upgrade/v4-rows.sql");
        }
        int applied = Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load()
                .migrate().migrationsExecuted;
        assertThat(applied).as("migrations after V4").isGreaterThan(0);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            checkTables(c);
        }
        Path dataDir = Files.createTempDirectory("msemu-upgrade-data");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EmulatorApplication.class)
                .run("--server.port=0", "--metastudio.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                        "--metastudio.credentials=", "--metastudio.users=", "--metastudio.workers.lease=PT3S")) {
            checkApi(app);
        }
    }

    /** Every row of render_job is in its feature's table and has its work item; the rest is untouched. */
    private static void checkTables(Connection c) throws SQLException {
        assertThat(count(c, "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'render_job'"
                + " AND table_schema = CURRENT_SCHEMA"))
                .as("render_job is gone").isZero();
        Map<String, String> videoStates = column(c, "SELECT job_id, state FROM video_job");
        assertThat(videoStates).containsExactlyInAnyOrderEntriesOf(Map.of(WAITING, "WAITING", PROCESSING, "PROCESSING",
                SUCCEED, "SUCCEED", FAILED, "FAILED", CANCELED, "CANCELED", BLOCK, "BLOCK"));
        assertThat(row(c, "SELECT script_id, output_asset_name, output_asset_id, duration, job_type FROM video_job"
                + " WHERE job_id = '" + SUCCEED + "'")).containsExactly("upg-script", "upgrade-succeeded", "upg-video",
                "3.2", "2D_DIGITAL_HUMAN_VIDEO");
        assertThat(row(c, "SELECT error_code, error_msg FROM video_job WHERE job_id = '" + FAILED + "'"))
                .containsExactly("MSS.45000001", "The file is missing: asset gone-asset does not exist");
        assertThat(row(c, "SELECT app_user_id, output_asset_name FROM video_job WHERE job_id = '" + WAITING + "'"))
                .containsExactly("app-user-7", "upgrade-waiting");
        assertThat(column(c, "SELECT job_id, state FROM tts_job")).containsExactlyInAnyOrderEntriesOf(Map.of(
                TTS_WAITING, "WAITING", TTS_SUCCEED, "SUCCEED", TTS_FAILED, "FAILED"));
        assertThat(row(c, "SELECT result, duration FROM tts_job WHERE job_id = '" + TTS_SUCCEED + "'")).containsExactly(
                "{\"keys\":[\"projects/" + PROJECT + "/tts/" + TTS_SUCCEED + ".mp3\"],\"duration_seconds\":1.5}", "1.5");
        assertThat(column(c, "SELECT subject_id, kind || ' ' || queue_state || ' ' || job_state || ' ' || attempts"
                + " FROM work_item")).containsExactlyInAnyOrderEntriesOf(Map.of(
                WAITING, "VIDEO QUEUED WAITING 0", PROCESSING, "VIDEO RUNNING PROCESSING 1",
                SUCCEED, "VIDEO DONE SUCCEED 1", FAILED, "VIDEO DONE FAILED 1", CANCELED, "VIDEO DONE CANCELED 0",
                BLOCK, "VIDEO DONE BLOCK 0", TTS_WAITING, "TTS QUEUED WAITING 0", TTS_SUCCEED, "TTS DONE SUCCEED 1",
                TTS_FAILED, "TTS DONE FAILED 1"));
        assertThat(row(c, "SELECT lease_owner, last_owner, progress_done, capability FROM work_item WHERE subject_id = '"
                + PROCESSING + "'")).containsExactly("old-release-node", "old-release-node", "40", "cpu");
        assertThat(row(c, "SELECT capability FROM work_item WHERE subject_id = '" + BLOCK + "'")).containsExactly("gpu");
        assertThat(count(c, "SELECT COUNT(*) FROM asset WHERE project_id = '" + PROJECT + "'")).isEqualTo(3);
        assertThat(row(c, "SELECT object_key, state FROM asset_file WHERE file_id = 'upg-image-file'")).containsExactly(
                "projects/" + PROJECT + "/assets/row-upg-image/upg-image-file.png", "CREATED");
        assertThat(count(c, "SELECT COUNT(*) FROM asset_tag WHERE tag = 'upgrade-tag'")).isEqualTo(1);
        assertThat(count(c, "SELECT COUNT(*) FROM video_script WHERE script_id = 'upg-script'")).isEqualTo(1);
        assertThat(column(c, "SELECT id, state FROM callback_delivery")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "upg-callback-1", "DELIVERED", "upg-callback-2", "FAILED"));
    }

    private static void checkApi(ConfigurableApplicationContext app) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        MetaStudioClient client = MetaStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk("MSEMULATORDEVAK00001")
                        .withSk("msEmulatorDevSecretKey000000000000000001").withProjectId(PROJECT))
                .withEndpoints(List.of("http://127.0.0.1:" + port))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withReadTimeout(60))
                .build();

        Show2DDigitalHumanVideoResponse done = show(client, SUCCEED);
        assertThat(done.getState().getValue()).isEqualTo("SUCCEED");
        assertThat(done.getDuration()).isEqualTo(3.2f);
        assertThat(done.getOutputAssetConfig().getAssetId()).isEqualTo("upg-video");
        assertThat(done.getOutputAssetConfig().getAssetName()).isEqualTo("upgrade-succeeded");
        assertThat(Instant.parse(done.getStartTime())).isEqualTo(Instant.parse("2026-01-10T09:06:00Z"));
        assertThat(Instant.parse(done.getEndTime())).isEqualTo(Instant.parse("2026-01-10T09:12:00Z"));
        assertThat(done.getScriptId()).isEqualTo("upg-script");
        Show2DDigitalHumanVideoResponse failed = show(client, FAILED);
        assertThat(failed.getState().getValue()).isEqualTo("FAILED");
        assertThat(failed.getErrorInfo().getErrorCode()).isEqualTo("MSS.45000001");
        assertThat(show(client, CANCELED).getState().getValue()).isEqualTo("CANCELED");
        assertThat(show(client, BLOCK).getState().getValue()).isEqualTo("BLOCK");

        var waiting = Videos.await(client, WAITING, Duration.ofSeconds(120));
        assertThat(waiting.getState().getValue()).as(String.valueOf(waiting.getErrorInfo())).isEqualTo("SUCCEED");
        assertThat(waiting.getOutputAssetConfig().getAssetId()).isNotNull();
        var interrupted = Videos.await(client, PROCESSING, Duration.ofSeconds(120));
        assertThat(interrupted.getState().getValue()).as(String.valueOf(interrupted.getErrorInfo()))
                .isEqualTo("SUCCEED");
        JsonNode item = control(port, "/_emulator/jobs/" + PROCESSING);
        assertThat(item.get("attempts").asInt()).as("the old node's attempt counts").isEqualTo(2);
        assertThat(item.get("rendered_by").asText()).isNotEqualTo("old-release-node");
        assertThat(control(port, "/_emulator/jobs/" + FAILED).get("error_code").asText()).isEqualTo("MSS.45000001");

        assertThat(client.listDigitalHumanVideo(new ListDigitalHumanVideoRequest().withLimit(100)).getJobs())
                .extracting(j -> j.getJobId()).contains(WAITING, PROCESSING, SUCCEED, FAILED, CANCELED, BLOCK);

        ShowTtsAuditionFileResponse preview = client.showTtsAuditionFile(new ShowTtsAuditionFileRequest()
                .withJobId(TTS_SUCCEED));
        assertThat(preview.getIsFileComplete()).isTrue();
        assertThat(preview.getFiles()).singleElement().extracting(f -> f.getDownloadUrl()).asString()
                .contains(TTS_SUCCEED + ".mp3");
        assertThat(client.showTtsAuditionFile(new ShowTtsAuditionFileRequest().withJobId(TTS_FAILED)).getMessage())
                .contains("MSS.20050034");
        ShowTtsAuditionFileResponse later = awaitPreview(client, TTS_WAITING);
        assertThat(later.getFiles()).hasSize(1);

        ShowAssetResponse image = client.showAsset(new ShowAssetRequest().withAssetId("upg-image"));
        assertThat(image.getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(image.getTags()).containsExactly("upgrade-tag");
        assertThat(image.getFiles()).extracting(f -> f.getFileId()).containsExactly("upg-image-file");
        assertThat(client.showVideoScript(new ShowVideoScriptRequest().withScriptId("upg-script")).getScriptName())
                .isEqualTo("upgraded script");
        JsonNode callbacks = control(port, "/_emulator/callbacks?project_id=" + PROJECT).get("callbacks");
        assertThat(callbacks.findValuesAsText("id")).contains("upg-callback-1", "upg-callback-2");
    }

    private static Show2DDigitalHumanVideoResponse show(MetaStudioClient client, String jobId) {
        return client.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(jobId));
    }

    private static ShowTtsAuditionFileResponse awaitPreview(MetaStudioClient client, String jobId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            ShowTtsAuditionFileResponse files = client.showTtsAuditionFile(new ShowTtsAuditionFileRequest()
                    .withJobId(jobId));
            if (Boolean.TRUE.equals(files.getIsFileComplete())) {
                return files;
            }
            assertThat(Instant.now()).as("preview " + jobId + " completes").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static JsonNode control(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void runScript(Connection c, String resource) throws IOException, SQLException {
        String sql;
        try (InputStream in = UpgradeFromV4Test.class.getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder statement = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (String line : sql.split("\n")) {
                if (line.startsWith("--")) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    s.execute(statement.substring(0, statement.lastIndexOf(";")));
                    statement.setLength(0);
                }
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> column(Connection c, String sql) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    private static List<String> row(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            List<String> values = new java.util.ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        }
    }
}
