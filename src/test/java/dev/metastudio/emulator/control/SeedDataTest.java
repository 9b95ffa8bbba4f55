package dev.metastudio.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsResponse;
import com.huaweicloud.sdk.metastudio.v1.model.ListVideoScriptsRequest;
import dev.metastudio.emulator.EmulatorApplication;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example seed folder (examples/seed) as a user runs it: its asset (with the PNG next to the JSON) and script
 * appear at start, are not duplicated by a restart or by POST /_emulator/seed, and a broken seed file is refused
 * naming the file and the field.
 */
class SeedDataTest {
    private static final Path EXAMPLE = Path.of("examples", "seed");
    /** The development project and pair of the README, which exist when no credentials are configured. */
    private static final String DEV_PROJECT = "e9993fc787d94b6c886cbaa340f9c0f4";

    @Test
    void theExampleSeedAppearsAtStartAndIsNotDuplicatedAfterARestart() throws Exception {
        TestDatabase.Target db = TestDatabase.freshSchema();
        Path data = Files.createTempDirectory("msemu-seed-data");
        Path seed = copyOfExample();
        try (ConfigurableApplicationContext node = start(db, data, seed)) {
            MetaStudioClient client = client(node);
            ListAssetsResponse logos = logos(client);
            assertThat(logos.getCount()).isEqualTo(1);
            assertThat(logos.getAssets().get(0).getAssetState().getValue()).isEqualTo("ACTIVED");
            assertThat(logos.getAssets().get(0).getTags()).contains("seed", "branding");
            String url = Assets.show(client, logos.getAssets().get(0).getAssetId()).getFiles().stream()
                    .filter(f -> "MAIN".equals(f.getAssetFileCategory())).findFirst().orElseThrow().getDownloadUrl();
            assertThat(Assets.download(url)).isEqualTo(Files.readAllBytes(EXAMPLE.resolve("logo.png")));
            assertThat(scripts(client)).isEqualTo(1);

            JsonNode again = new ControlPlane(base(node)).post("/_emulator/seed", null).expect(200);
            assertThat(again.get("created").get("assets").asInt()).isZero();
            assertThat(again.get("skipped").get("assets").asInt()).isEqualTo(1);
            assertThat(again.get("skipped").get("scripts").asInt()).isEqualTo(1);
        }
        try (ConfigurableApplicationContext restarted = start(db, data, seed)) {
            MetaStudioClient client = client(restarted);
            assertThat(logos(client).getCount()).as("not duplicated by the restart").isEqualTo(1);
            assertThat(scripts(client)).isEqualTo(1);

            Files.writeString(seed.resolve("broken.json"), """
                    {"project_id": "%s", "assets": [{"asset_name": "Broken", "asset_type": "IMAGE",
                      "files": [{"path": "missing.png"}]}]}""".formatted(DEV_PROJECT));
            ControlPlane.Answer refused = new ControlPlane(base(restarted)).post("/_emulator/seed", null);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("error_msg").asText()).contains("broken.json")
                    .contains("assets[0].files[0].path");
            Files.writeString(seed.resolve("typo.json"), "{\"project\": \"" + DEV_PROJECT + "\"}");
            Files.delete(seed.resolve("broken.json"));
            refused = new ControlPlane(base(restarted)).post("/_emulator/seed", null);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("error_msg").asText()).contains("typo.json").contains("project");
        }
    }

    private static ListAssetsResponse logos(MetaStudioClient client) {
        return client.listAssets(new ListAssetsRequest().withName("Company logo")
                .withAccurateQueryField(List.of("name")));
    }

    private static int scripts(MetaStudioClient client) {
        return client.listVideoScripts(new ListVideoScriptsRequest()).getCount();
    }

    private static Path copyOfExample() throws Exception {
        Path copy = Files.createTempDirectory("msemu-seed");
        try (Stream<Path> files = Files.list(EXAMPLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private static ConfigurableApplicationContext start(TestDatabase.Target db, Path data, Path seed) {
        return new SpringApplicationBuilder(EmulatorApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--metastudio.data-dir=" + data,
                "--metastudio.seed-dir=" + seed, "--metastudio.credentials=", "--metastudio.users=",
                "--metastudio.workers.count=1");
    }

    private static String base(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static MetaStudioClient client(ConfigurableApplicationContext context) {
        return MetaStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk("MSEMULATORDEVAK00001")
                        .withSk("msEmulatorDevSecretKey000000000000000001").withProjectId(DEV_PROJECT))
                .withEndpoints(List.of(base(context)))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .build();
    }
}
