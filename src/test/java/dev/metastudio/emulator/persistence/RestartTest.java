package dev.metastudio.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.EmulatorApplication;
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
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenIssuedBeforeARestartStillOpensTheApiAfterIt() throws Exception {
        Path dataDir = Files.createTempDirectory("msemu-restart");
        String token;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base(first) + "/v3/auth/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"msemulator",
                            "password":"msemulator-dev-password"}}},"scope":{"project":{"name":"ap-southeast-3"}}}}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            token = created.headers().firstValue("X-Subject-Token").orElseThrow();
        }
        assertThat(dataDir.resolve("db/metastudio.mv.db")).exists();
        try (ConfigurableApplicationContext second = start(dataDir)) {
            HttpResponse<String> projects = http.send(HttpRequest.newBuilder(URI.create(base(second) + "/v3/projects"))
                    .header("X-Auth-Token", token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);
        }
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
