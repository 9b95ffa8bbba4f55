package dev.metastudio.emulator.live.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.PlayPolicy;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveResponse;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import dev.metastudio.emulator.support.JarProcess;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two nodes of the built jar on one PostgreSQL: an API node and a worker node. A live job streaming on the worker
 * when it is killed with SIGKILL (no shutdown, no lease release) ends FAILED with MSS.20010138 (heartbeat lost), as
 * the API node reports it, within the lease time (plus one recovery interval): a live stream is never resumed
 * elsewhere, and nothing else has to claim it for it to end. The room then takes a new job.
 */
class LiveNodeLossIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration RECOVERY = Duration.ofSeconds(1);

    private static Map<String, String> node(TestDatabase.Target db, Path dataDir, String name, String role) {
        Map<String, String> env = JarProcess.environment(db, dataDir);
        env.put("METASTUDIO_ROLE", role);
        env.put("METASTUDIO_WORKERS_NODE_ID", name);
        env.put("METASTUDIO_WORKERS_LEASE", "PT" + LEASE.toSeconds() + "S");
        env.put("METASTUDIO_WORKERS_RECOVERY_INTERVAL", "PT" + RECOVERY.toSeconds() + "S");
        return env;
    }

    @Test
    void aLiveJobWhoseNodeIsKilledEndsFailedWithinTheLeaseAndTheRoomStartsAgain() throws Exception {
        assertThat(JarProcess.JAR).as("run after `mvn package`").exists();
        TestDatabase.Target db = TestDatabase.freshSchema();
        Path dataDir = Files.createTempDirectory("msemu-live-loss");
        Path logs = Files.createDirectories(Path.of("target", "live-node-loss-it"));
        try (JarProcess api = JarProcess.start("live-api", node(db, dataDir, "live-api", "api"),
                logs.resolve("live-api.log"))) {
            // The API node migrates the schema before the worker starts against it.
            api.awaitReady(Duration.ofSeconds(120));
            try (JarProcess worker = JarProcess.start("live-worker", node(db, dataDir, "live-worker", "worker"),
                    logs.resolve("live-worker.log"))) {
                worker.awaitReady(Duration.ofSeconds(120));
                MetaStudioClient client = MetaStudioClient.newBuilder()
                        .withCredential(new BasicCredentials().withAk(TestProjects.AK_A).withSk(TestProjects.SK_A)
                                .withProjectId(TestProjects.PROJECT_A))
                        .withEndpoints(List.of(api.baseUrl()))
                        .withHttpConfig(HttpConfig.getDefaultHttpConfig())
                        .build();
                String room = room(client);
                String job = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room)
                        .withBody(new StartSmartLiveReq())).getJobId();
                awaitStreamingOn(api, client, room, job, "live-worker");

                worker.kill();
                Instant killed = Instant.now();
                ShowSmartLiveResponse failed = awaitEnd(client, room, job, Duration.ofSeconds(60));
                Duration took = Duration.between(killed, Instant.now());
                System.out.println("live job FAILED " + took.toMillis() + " ms after the kill (lease " + LEASE
                        + ", recovery every " + RECOVERY + ")");
                assertThat(failed.getState().getValue()).isEqualTo("FAILED");
                assertThat(failed.getErrorInfo()).isNotNull();
                assertThat(failed.getErrorInfo().getErrorCode()).isEqualTo("MSS.20010138");
                // The last renewal was at most a lease ago; one recovery pass and this test's 200 ms polls after it.
                assertThat(took).as("kill to FAILED").isLessThanOrEqualTo(LEASE.plus(RECOVERY).plusSeconds(2));
                assertThat(failed.getEndTime()).isNotBlank();

                // One active job per room no longer holds: the room takes a new job.
                String next = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room)
                        .withBody(new StartSmartLiveReq())).getJobId();
                assertThat(next).isNotBlank().isNotEqualTo(job);
                assertThat(show(client, room, next).getState().getValue()).isEqualTo("WAITING");
                assertThat(show(client, room, job).getState().getValue()).as("the lost job stays FAILED")
                        .isEqualTo("FAILED");
            }
        }
    }

    private static String room(MetaStudioClient client) {
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        LiveVideoScriptInfo scene = new LiveVideoScriptInfo().withScriptName("lost").withModelAssetId(anna)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withShootScripts(List.of(new LiveShootScriptItem().withSequenceNo(1).withTitle("loop")
                        .withTextConfig(new TextConfig().withText("This stream goes on until its node is lost."))));
        return client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName("node loss " + UUID.randomUUID()).withSceneScripts(List.of(scene))
                .withPlayPolicy(new PlayPolicy().withRepeatCount(-1))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080)))).getRoomId();
    }

    private static ShowSmartLiveResponse show(MetaStudioClient client, String room, String job) {
        return client.showSmartLive(new ShowSmartLiveRequest().withRoomId(room).withJobId(job));
    }

    /** PROCESSING, leased by the worker node, and its lease renewed at least once while it streams. */
    private static void awaitStreamingOn(JarProcess api, MetaStudioClient client, String room, String job,
                                         String owner) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (true) {
            JsonNode work = control(api, job);
            String state = show(client, room, job).getState().getValue();
            if (state.equals("PROCESSING") && owner.equals(work.path("lease_owner").asText())) {
                break;
            }
            assertThat(state).as("job %s before the kill", job).isIn("WAITING", "PROCESSING");
            assertThat(Instant.now()).as("job %s streaming on %s (%s)", job, owner, work).isBefore(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(LEASE.toMillis() / 2);
        assertThat(show(client, room, job).getState().getValue()).as("still streaming").isEqualTo("PROCESSING");
    }

    private static ShowSmartLiveResponse awaitEnd(MetaStudioClient client, String room, String job, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            ShowSmartLiveResponse r = show(client, room, job);
            String state = r.getState().getValue();
            if (state.equals("SUCCEED") || state.equals("FAILED")) {
                return r;
            }
            assertThat(Instant.now()).as("job %s still %s after its node was killed", job, state).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static JsonNode control(JarProcess api, String job) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/_emulator/jobs/" + job)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
