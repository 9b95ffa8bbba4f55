package dev.metastudio.emulator.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.ListAssetsRequest;
import com.huaweicloud.sdk.metastudio.v1.model.OutputAssetConfig;
import dev.metastudio.emulator.support.TestDatabase;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several nodes on one real PostgreSQL and one data folder: an API node and two worker nodes, each the built jar in
 * its own JVM. Jobs spread over the workers, none is rendered to completion twice, and a job whose worker is killed
 * with SIGKILL mid-render completes on the other worker once the dead node's lease expires.
 */
class WorkerClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmulatorProcess api;
    private static EmulatorProcess workerOne;
    private static EmulatorProcess workerTwo;
    private static MetaStudioClient client;
    private static String avatar;

    @BeforeAll
    static void startCluster() throws Exception {
        assertThat(EmulatorProcess.JAR).as("run after `mvn package`").exists();
        TestDatabase.Target db = TestDatabase.freshSchema();
        Path dataDir = Files.createTempDirectory("msemu-cluster");
        Path logs = Files.createDirectories(Path.of("target", "cluster-it"));
        // The API node migrates the schema first; the workers then start against it.
        api = EmulatorProcess.start("api-node", "api", db, dataDir, logs);
        api.awaitReady(Duration.ofSeconds(90));
        workerOne = EmulatorProcess.start("worker-one", "worker", db, dataDir, logs);
        workerTwo = EmulatorProcess.start("worker-two", "worker", db, dataDir, logs);
        workerOne.awaitReady(Duration.ofSeconds(90));
        workerTwo.awaitReady(Duration.ofSeconds(90));
        client = MetaStudioClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(TestProjects.AK_A).withSk(TestProjects.SK_A)
                        .withProjectId(TestProjects.PROJECT_A))
                .withEndpoints(List.of(api.baseUrl()))
                .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                .build();
        avatar = Videos.systemAvatar(client, "Anna (landscape)");
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (EmulatorProcess node : new EmulatorProcess[] {workerOne, workerTwo, api}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void jobsSpreadOverBothWorkersAndEachIsRenderedOnce() throws Exception {
        String marker = "spread-" + UUID.randomUUID();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(Videos.submit(client, Videos.textJob(avatar, "Job number " + i + " of the cluster test.")
                    .withOutputAssetConfig(new OutputAssetConfig().withAssetName(marker + "-" + i))));
        }
        Set<String> renderers = new HashSet<>();
        for (String jobId : jobs) {
            var job = Videos.await(client, jobId, Duration.ofSeconds(240));
            assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
            renderers.add(control(jobId).get("rendered_by").asText());
        }
        assertThat(renderers).containsExactlyInAnyOrder("worker-one", "worker-two");
        assertThat(client.listAssets(new ListAssetsRequest().withName(marker).withAssetType("VIDEO").withLimit(100))
                .getCount()).as("one output asset per job").isEqualTo(6);
    }

    @Test
    void aJobWhoseWorkerIsKilledCompletesOnTheOtherWorker() throws Exception {
        String name = "killed-" + UUID.randomUUID();
        // About a hundred seconds of speech: several seconds of rendering even on a fast machine.
        String text = "This long narration keeps the worker busy for a while. ".repeat(40);
        String jobId = Videos.submit(client, Videos.textJob(avatar, text)
                .withOutputAssetConfig(new OutputAssetConfig().withAssetName(name)));
        JsonNode running = awaitRendering(jobId);
        String owner = running.get("lease_owner").asText();
        EmulatorProcess victim = owner.equals("worker-one") ? workerOne : workerTwo;
        String survivor = victim == workerOne ? "worker-two" : "worker-one";
        victim.kill();

        var job = Videos.await(client, jobId, Duration.ofSeconds(240));
        assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
        JsonNode finished = control(jobId);
        assertThat(finished.get("rendered_by").asText()).isEqualTo(survivor);
        assertThat(finished.get("attempts").asInt()).isEqualTo(2);
        assertThat(client.listAssets(new ListAssetsRequest().withName(name).withAccurateQueryField(List.of("name")))
                .getCount()).isEqualTo(1);
    }

    /** Waits until a worker has claimed the job, so the kill lands while it renders. */
    private static JsonNode awaitRendering(String jobId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = control(jobId);
            if ("PROCESSING".equals(job.get("state").asText()) && job.hasNonNull("lease_owner")) {
                return job;
            }
            assertThat(job.get("state").asText()).as("the job finished before it could be interrupted")
                    .isIn("WAITING", "PROCESSING");
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " never started rendering");
    }

    private static JsonNode control(String jobId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/_emulator/jobs/" + jobId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
