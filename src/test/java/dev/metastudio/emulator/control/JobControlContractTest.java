package dev.metastudio.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CallBackConfig;
import com.huaweicloud.sdk.metastudio.v1.model.Create2DDigitalHumanVideoReq;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoRequest;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoResponse;
import com.sun.net.httpserver.HttpServer;
import dev.metastudio.emulator.support.ControlPlane;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Videos;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Job faults, callback faults and job progression, driven through the official SDK and the control plane. */
class JobControlContractTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPS = TestProjects.PROJECT_OPS;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private ControlPlane control;
    private MetaStudioClient ops;
    private HttpServer receiver;
    private String avatar;

    private record Received(long atMillis, JsonNode body) {
    }

    @BeforeEach
    void setUp() throws Exception {
        control = new ControlPlane(baseUrl());
        ops = client(TestProjects.AK_OPS, TestProjects.SK_OPS, OPS);
        avatar = Videos.systemAvatar(ops, "Anna (landscape)");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(System.currentTimeMillis(), JSON.readTree(body)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
        control.delete("/_emulator/faults").expect(200);
        control.delete("/_emulator/progression/VIDEO").expect(200);
    }

    @Test
    void aJobFaultFailsTheNextVideoJobWithTheChosenCodeAndItsCallbackCarriesIt() throws Exception {
        String rule = control.fault("""
                {"match": {"job_kind": "VIDEO", "project_id": "%s"},
                 "job_failure": {"error_code": "MSS.45001001", "error_msg": "Injected render failure", "after_ms": 0},
                 "times": 1}""".formatted(OPS));
        Show2DDigitalHumanVideoResponse job = Videos.await(ops, Videos.submit(ops, withCallback(
                Videos.textJob(avatar, "This job is doomed."))), Duration.ofSeconds(120));
        assertThat(job.getState().getValue()).isEqualTo("FAILED");
        assertThat(job.getErrorInfo().getErrorCode()).isEqualTo("MSS.45001001");
        assertThat(job.getErrorInfo().getErrorMsg()).isEqualTo("Injected render failure");
        Received call = received.poll(30, TimeUnit.SECONDS);
        assertThat(call).as("the failure's callback arrived").isNotNull();
        assertThat(call.body().get("result").asText()).isEqualTo("FAILED");
        assertThat(call.body().get("job_id").asText()).isEqualTo(job.getJobId());
        assertThat(call.body().get("error_info").get("error_code").asText()).isEqualTo("MSS.45001001");
        assertThat(control.hits(rule)).isEqualTo(1);

        // times: 1 — the next job renders as usual.
        Show2DDigitalHumanVideoResponse next = Videos.await(ops, Videos.submit(ops,
                Videos.textJob(avatar, "This one works.")), Duration.ofSeconds(120));
        assertThat(next.getState().getValue()).isEqualTo("SUCCEED");
    }

    @Test
    void aCallbackFaultDropsTheDelivery() throws Exception {
        String rule = control.fault("""
                {"match": {"callback": true, "project_id": "%s"}, "response": {"fault": "DROP"}, "times": 1}"""
                .formatted(OPS));
        Show2DDigitalHumanVideoResponse job = Videos.await(ops, Videos.submit(ops, withCallback(
                Videos.textJob(avatar, "Nobody hears of me."))), Duration.ofSeconds(120));
        assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
        JsonNode delivery = awaitDelivery(job.getJobId(), "FAILED");
        assertThat(delivery.get("last_error").asText()).contains("Dropped, never sent").contains(rule);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(received).as("nothing was sent").isEmpty();
        assertThat(control.hits(rule)).isEqualTo(1);
    }

    @Test
    void aCallbackFaultDelaysTheDelivery() throws Exception {
        control.fault("""
                {"match": {"callback": true, "project_id": "%s"}, "delay_ms": 3000, "times": 1}""".formatted(OPS));
        Show2DDigitalHumanVideoResponse job = Videos.await(ops, Videos.submit(ops, withCallback(
                Videos.textJob(avatar, "Late news."))), Duration.ofSeconds(120));
        Received call = received.poll(60, TimeUnit.SECONDS);
        assertThat(call).as("the delayed callback arrived").isNotNull();
        JsonNode delivery = awaitDelivery(job.getJobId(), "DELIVERED");
        Instant recorded = Instant.parse(delivery.get("create_time").asText());
        // A lower bound only: it was held back at least the rule's delay after it was recorded.
        assertThat(call.atMillis() - recorded.toEpochMilli()).isGreaterThanOrEqualTo(3000);
        assertThat(delivery.get("attempts").asInt()).as("the delay gave its attempt back").isEqualTo(1);
    }

    @Test
    void manualProgressionShowsEveryStateUntilTheTestAdvancesTheJob() throws Exception {
        JsonNode rule = control.put("/_emulator/progression/VIDEO", "{\"mode\": \"manual\"}").expect(200);
        assertThat(rule.get("mode").asText()).isEqualTo("manual");
        assertThat(control.get("/_emulator/progression").expect(200).get("rules").get(0).get("job_kind").asText())
                .isEqualTo("VIDEO");
        String jobId = Videos.submit(ops, Videos.textJob(avatar, "One step at a time."));
        Thread.sleep(1000);
        assertThat(state(jobId)).as("held in WAITING").isEqualTo("WAITING");
        assertThat(control.get("/_emulator/jobs/" + jobId).expect(200).get("queue_state").asText()).isEqualTo("HELD");

        JsonNode first = control.post("/_emulator/jobs/" + jobId + "/advance", null).expect(200);
        assertThat(first.get("previous_state").asText()).isEqualTo("WAITING");
        assertThat(first.get("state").asText()).isEqualTo("PROCESSING");
        assertThat(state(jobId)).isEqualTo("PROCESSING");

        // Rendering takes seconds: an advance right away finds the work of PROCESSING still running.
        ControlPlane.Answer early = control.post("/_emulator/jobs/" + jobId + "/advance", null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("error_code").asText()).isEqualTo("EMULATOR.STILL_WORKING");
        assertThat(early.json().get("error_msg").asText()).contains("Still working");

        ControlPlane.Answer done = early;
        Instant deadline = Instant.now().plusSeconds(120);
        while (done.status() == 409 && Instant.now().isBefore(deadline)) {
            assertThat(state(jobId)).as("stays PROCESSING until advanced").isEqualTo("PROCESSING");
            Thread.sleep(300);
            done = control.post("/_emulator/jobs/" + jobId + "/advance", null);
        }
        assertThat(done.expect(200).get("state").asText()).isEqualTo("SUCCEED");
        assertThat(state(jobId)).isEqualTo("SUCCEED");

        ControlPlane.Answer terminal = control.post("/_emulator/jobs/" + jobId + "/advance", null);
        assertThat(terminal.status()).isEqualTo(409);
        assertThat(terminal.json().get("error_code").asText()).isEqualTo("EMULATOR.CANNOT_ADVANCE");
        assertThat(control.post("/_emulator/jobs/no-such-job/advance", null).status()).isEqualTo(404);
    }

    @Test
    void minProcessingMsHoldsTheJobInProcessing() {
        control.put("/_emulator/progression/VIDEO", "{\"mode\": \"immediate\", \"min_processing_ms\": 4000}").expect(200);
        Show2DDigitalHumanVideoResponse job = Videos.await(ops, Videos.submit(ops,
                Videos.textJob(avatar, "Short.")), Duration.ofSeconds(120));
        assertThat(job.getState().getValue()).isEqualTo("SUCCEED");
        long processing = Instant.parse(job.getEndTime()).toEpochMilli() - Instant.parse(job.getStartTime()).toEpochMilli();
        // Times are to the second and truncated, so a 4000 ms dwell shows as at least 4 s.
        assertThat(processing).isGreaterThanOrEqualTo(4000);
    }

    @Test
    void advancingAJobWhoseKindIsNotManualIsAConflict() {
        String jobId = Videos.submit(ops, Videos.textJob(avatar, "Realtime."));
        Videos.await(ops, jobId, Duration.ofSeconds(120));
        assertThat(control.post("/_emulator/jobs/" + jobId + "/advance", null).status()).isEqualTo(409);
    }

    @Test
    void badProgressionSettingsAreRefusedNamingTheField() {
        expectInvalid(control.put("/_emulator/progression/VIDEO", "{\"mode\": \"warp\"}"), "mode");
        expectInvalid(control.put("/_emulator/progression/VIDEO", "{}"), "mode");
        expectInvalid(control.put("/_emulator/progression/VIDEO", "{\"mode\": \"manual\", \"min_processing_ms\": -5}"),
                "min_processing_ms");
        expectInvalid(control.put("/_emulator/progression/PAINTING", "{\"mode\": \"manual\"}"), "job_kind");
        expectInvalid(control.put("/_emulator/progression/VIDEO", "{\"mode\": \"manual\", \"speed\": 2}"), "speed");
        expectInvalid(control.delete("/_emulator/progression/PAINTING"), "job_kind");
        assertThat(control.get("/_emulator/progression").expect(200).get("rules")).isEmpty();
    }

    private static void expectInvalid(ControlPlane.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("error_msg").asText()).contains(field);
    }

    private Create2DDigitalHumanVideoReq withCallback(Create2DDigitalHumanVideoReq body) {
        return body.withCallbackConfig(new CallBackConfig()
                .withCallbackUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
    }

    private String state(String jobId) {
        return ops.show2DDigitalHumanVideo(new Show2DDigitalHumanVideoRequest().withJobId(jobId)).getState().getValue();
    }

    private JsonNode awaitDelivery(String jobId, String state) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode callbacks = control.get("/_emulator/callbacks?job_id=" + jobId).expect(200).get("callbacks");
            if (callbacks.size() > 0 && callbacks.get(0).get("state").asText().equals(state)) {
                return callbacks.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + state + " delivery for job " + jobId + ": "
                + control.get("/_emulator/callbacks?job_id=" + jobId).body());
    }
}
