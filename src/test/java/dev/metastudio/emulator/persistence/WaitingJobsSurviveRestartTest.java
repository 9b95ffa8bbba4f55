package dev.metastudio.emulator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import dev.metastudio.emulator.EmulatorApplication;
import dev.metastudio.emulator.support.Videos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The queue is the database: jobs submitted before a restart (here, to a node without workers) run after it. */
class WaitingJobsSurviveRestartTest {

    @Test
    void aJobWaitingAtShutdownRendersAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("msemu-restart-jobs");
        String jobId;
        try (ConfigurableApplicationContext apiOnly = start(dataDir, "api")) {
            MetaStudioClient client = client(apiOnly);
            jobId = Videos.submit(client, Videos.textJob(Videos.systemAvatar(client, "David (landscape)"), "Still here."));
            Thread.sleep(1000);
            assertThat(client.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(jobId))
                    .getState().getValue()).isEqualTo("WAITING");
        }
        try (ConfigurableApplicationContext both = start(dataDir, "both")) {
            var job = Videos.await(client(both), jobId, Duration.ofSeconds(120));
            assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String role) {
        return new SpringApplicationBuilder(EmulatorApplication.class)
                .run("--server.port=0", "--metastudio.data-dir=" + dataDir, "--metastudio.role=" + role,
                        "--metastudio.credentials=", "--metastudio.users=");
    }

    private static MetaStudioClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return MetaStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk("MSEMULATORDEVAK00001")
                        .withSk("msEmulatorDevSecretKey000000000000000001")
                        .withProjectId("e9993fc787d94b6c886cbaa340f9c0f4"))
                .withEndpoints(List.of("http://127.0.0.1:" + port))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .build();
    }
}
