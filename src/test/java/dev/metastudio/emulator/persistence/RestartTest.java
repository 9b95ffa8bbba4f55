package dev.metastudio.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.EmulatorApplication;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.TestMedia;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** On the embedded defaults (H2 in a file under the data folder) what was written before a restart is there after. */
class RestartTest {
    private static final String DEV_PROJECT = "e9993fc787d94b6c886cbaa340f9c0f4";
    private static final byte[] PNG = TestMedia.png(40, 30, Color.ORANGE);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokensAssetsAndTheirFilesSurviveARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("msemu-restart");
        String token;
        String assetId;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base(first) + "/v3/auth/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"msemulator",
                            "password":"msemulator-dev-password"}}},"scope":{"project":{"name":"ap-southeast-3"}}}}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            token = created.headers().firstValue("X-Subject-Token").orElseThrow();
            assetId = createAssetWithFile(base(first), token);
        }
        assertThat(dataDir.resolve("db/metastudio.mv.db")).exists();
        try (ConfigurableApplicationContext second = start(dataDir)) {
            HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create(base(second) + "/v3/projects"))
                    .header("X-Auth-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);
            HttpResponse<String> asset = http.send(HttpRequest.newBuilder(URI.create(base(second) + "/v1/"
                    + DEV_PROJECT + "/digital-assets/" + assetId)).header("X-Auth-Token", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(asset.body()).contains("\"asset_state\":\"ACTIVED\"").contains("restart.png");
            String url = asset.body().replaceAll("^.*?\"download_url\":\"([^\"]+)\".*$", "$1");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body()).isEqualTo(PNG);
        }
    }

    /** An image asset with its main file uploaded and confirmed, through the token flow. */
    private String createAssetWithFile(String base, String token) throws Exception {
        String created = post(base + "/v1/" + DEV_PROJECT + "/digital-assets", token,
                "{\"asset_name\":\"survives\",\"asset_type\":\"IMAGE\"}");
        String assetId = created.replaceAll(".*\"asset_id\":\"([^\"]+)\".*", "$1");
        String file = post(base + "/v1/" + DEV_PROJECT + "/files", token, "{\"asset_id\":\"" + assetId
                + "\",\"file_name\":\"restart.png\",\"file_type\":\"png\",\"file_size\":" + PNG.length
                + ",\"file_md5\":\"" + Assets.md5(PNG) + "\",\"asset_file_category\":\"MAIN\"}");
        String fileId = file.replaceAll(".*\"file_id\":\"([^\"]+)\".*", "$1");
        String uploadUrl = file.replaceAll(".*\"upload_url\":\"([^\"]+)\".*", "$1");
        assertThat(Assets.put(uploadUrl, PNG, Assets.md5(PNG)).statusCode()).isEqualTo(200);
        post(base + "/v1/" + DEV_PROJECT + "/files/" + fileId + "/complete", token, "{\"state\":\"CREATED\"}");
        return assetId;
    }

    private String post(String url, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Auth-Token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Command-line arguments, so they outrank application.yml as a user's settings would.
        return new SpringApplicationBuilder(EmulatorApplication.class)
                .run("--server.port=0", "--metastudio.data-dir=" + dataDir, "--metastudio.credentials=",
                        "--metastudio.users=");
    }

    private static String base(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }
}
