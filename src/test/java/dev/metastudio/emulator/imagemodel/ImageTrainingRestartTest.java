package dev.metastudio.emulator.imagemodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobReq;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Create2dModelTrainingJobResponse;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserReq;
import com.huaweicloud.sdk.metastudio.v1.model.Execute2dModelTrainingCommandByUserRequest;
import com.huaweicloud.sdk.metastudio.v1.model.OperationLogInfo;
import com.huaweicloud.sdk.metastudio.v1.model.Show2dModelTrainingJobRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2dModelTrainingJobResponse;
import dev.metastudio.emulator.EmulatorApplication;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.TestMedia;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A server stopped mid-training: after the restart the job goes on from the state it was in, and ends. */
class ImageTrainingRestartTest {
    private static final String DEV_PROJECT = "e9993fc787d94b6c886cbaa340f9c0f4";

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(EmulatorApplication.class)
                .run("--server.port=0", "--metastudio.data-dir=" + dataDir, "--metastudio.credentials=",
                        "--metastudio.users=", "--metastudio.training.dwell=700ms");
    }

    private static MetaStudioClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return MetaStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk("MSEMULATORDEVAK00001")
                        .withSk("msEmulatorDevSecretKey000000000000000001").withProjectId(DEV_PROJECT))
                .withEndpoints(List.of("http://127.0.0.1:" + port))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(10).withReadTimeout(60))
                .build();
    }

    private static String state(MetaStudioClient client, String jobId) {
        return client.show2dModelTrainingJob(new Show2dModelTrainingJobRequest().withJobId(jobId)).getState().getValue();
    }

    @Test
    void aJobInterruptedByAShutdownResumesWhereItWasAfterTheRestart() throws Exception {
        Path dataDir = Files.createTempDirectory("msemu-training-restart");
        String jobId;
        String before;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            MetaStudioClient client = client(first);
            Create2dModelTrainingJobResponse created = client.create2dModelTrainingJob(new Create2dModelTrainingJobRequest()
                    .withBody(new Create2dModelTrainingJobReq().withName("Survivor")));
            jobId = created.getJobId();
            Assets.put(created.getTrainingVideoUploadUrl().get(0), TrainingClips.withPerson(1920, 1080, 185), null);
            Assets.put(created.getIdCardImage1UploadUrl(), TestMedia.jpeg(100, 60, Color.GRAY), null);
            Assets.put(created.getIdCardImage2UploadUrl(), TestMedia.jpeg(100, 60, Color.GRAY), null);
            Assets.put(created.getGrantFileUploadUrl(), "letter".getBytes(StandardCharsets.US_ASCII), null);
            client.execute2dModelTrainingCommandByUser(new Execute2dModelTrainingCommandByUserRequest().withJobId(jobId)
                    .withBody(new Execute2dModelTrainingCommandByUserReq()
                            .withCommand(Execute2dModelTrainingCommandByUserReq.CommandEnum.SUBMITVERIFYING)));
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Set.of("TRAINING_DATA_PREPROCESS_SUCCESS", "TRAINING", "TRAIN_SUCCESS").contains(state(client, jobId))
                    && System.currentTimeMillis() < deadline) {
                assertThat(state(client, jobId)).doesNotEndWith("FAILED");
                Thread.sleep(50);
            }
            before = state(client, jobId);
            assertThat(before).isIn("TRAINING_DATA_PREPROCESS_SUCCESS", "TRAINING", "TRAIN_SUCCESS");
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            MetaStudioClient client = client(second);
            long deadline = System.currentTimeMillis() + 60_000;
            while (!state(client, jobId).equals("JOB_SUCCESS") && System.currentTimeMillis() < deadline) {
                assertThat(state(client, jobId)).doesNotEndWith("FAILED").isNotEqualTo("AUTO_VERIFYING");
                Thread.sleep(100);
            }
            Show2dModelTrainingJobResponse done = client.show2dModelTrainingJob(new Show2dModelTrainingJobRequest()
                    .withJobId(jobId));
            assertThat(done.getState().getValue()).as("resumed from " + before).isEqualTo("JOB_SUCCESS");
            assertThat(done.getAssetId()).isNotBlank();
            // Every step logged once: the review and preprocessing were not done again.
            List<String> types = done.getOperationLogs().stream().map(OperationLogInfo::getLogType)
                    .map(Object::toString).toList();
            assertThat(types).doesNotHaveDuplicates().contains("SYSTEM_VERIFY_SUCCESS", "SYSTEM_TRAIN_SUCCESS",
                    "SYSTEM_JOB_SUCCESS");
        }
    }
}
