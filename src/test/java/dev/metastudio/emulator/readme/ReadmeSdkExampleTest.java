package dev.metastudio.emulator.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.media.probe.MediaInfo;
import dev.metastudio.emulator.media.probe.MediaKind;
import dev.metastudio.emulator.media.probe.MediaProbe;
import dev.metastudio.emulator.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * README's SDK example (section "With the official Java SDK") is {@link FirstVideo}, word for word: this test checks
 * that README shows exactly that file (less its package line), and runs it against a server on the bare defaults,
 * where the development credential README prints exists.
 *
 * <p>Its own server on its own schema: the shared test server sets credentials (no development pair), and two servers
 * on one schema would be two nodes claiming each other's jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeSdkExampleTest {
    private static final TestDatabase.Target OWN_DATABASE = TestDatabase.freshSchema();
    private static final Path SOURCE = Path.of("src/test/java/dev/metastudio/emulator/readme/FirstVideo.java");

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @DynamicPropertySource
    static void bareDefaults(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("msemu-readme-sdk").toString();
        registry.add("spring.datasource.url", OWN_DATABASE::url);
        registry.add("spring.datasource.username", OWN_DATABASE::username);
        registry.add("spring.datasource.password", OWN_DATABASE::password);
        registry.add("metastudio.data-dir", () -> dataDir);
    }

    @Test
    void readmeShowsTheExampleAsItIsCompiled() throws Exception {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String shown = source.substring(source.indexOf("import "));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).as("README's SDK block must be " + SOURCE + " without its package line")
                .contains("```java\n" + shown + "```\n");
        assertThat(readme).contains("huaweicloud-sdk-metastudio:3.1.143");
    }

    @Test
    void theExampleMakesAVideoAndDownloadsTheMp4() throws Exception {
        Path mp4 = FirstVideo.make("http://127.0.0.1:" + port, dir.resolve("hello.mp4"));
        MediaInfo info = MediaProbe.probe(mp4);
        assertThat(info.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(info.video().codec()).isEqualTo("h264");
        assertThat(info.video().width()).isEqualTo(1280);
        assertThat(info.video().height()).isEqualTo(720);
        assertThat(info.audio()).isNotNull();
    }
}
