package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metastudio.emulator.support.TestDatabase;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Callbacks end to end: the full server sends to a real HTTP receiver on 127.0.0.1.
 *
 * <p>Its own server on its own fresh schema rather than {@link dev.metastudio.emulator.support.ServerTest}'s: the
 * backoffs here are tiny, and the shared server (default backoffs, 8 attempts) would otherwise be a second node on
 * the same table, free to claim these deliveries. The poll interval is long on purpose: every delivery and retry
 * below happens only because the dispatcher is woken (after commit, by the retry timer), not by polling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "metastudio.callbacks.max-attempts=4",
        "metastudio.callbacks.initial-backoff=50ms",
        "metastudio.callbacks.max-backoff=100ms",
        "metastudio.callbacks.read-timeout=3s",
        "metastudio.callbacks.poll-interval=60s"})
class CallbackDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TestDatabase.Target OWN_DATABASE = TestDatabase.freshSchema();
    private static TestReceiver receiver;

    @Autowired
    Callbacks callbacks;
    @Autowired
    CallbackOutbox outbox;
    @Autowired
    CallbackSender sender;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownServer(DynamicPropertyRegistry registry) throws Exception {
        String dataDir = Files.createTempDirectory("msemu-callback-test").toString();
        registry.add("spring.datasource.url", OWN_DATABASE::url);
        registry.add("spring.datasource.username", OWN_DATABASE::username);
        registry.add("spring.datasource.password", OWN_DATABASE::password);
        registry.add("metastudio.data-dir", () -> dataDir);
    }

    @BeforeAll
    static void startReceiver() {
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aCommittedCallbackIsPostedOnceAsJson() throws Exception {
        String path = uniquePath("once");
        String jobId = uniqueId();
        Map<String, Object> body = videoResult("SUCCEED", jobId);

        inTransaction(() -> callbacks.enqueue("proj-once", jobId, none(receiver.url(path)), body));

        CallbackDelivery delivery = awaitFinal(jobId);
        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastStatus()).isEqualTo(200);
        assertThat(delivery.lastError()).isNull();
        assertThat(delivery.nextAttemptAt()).isNull();
        List<TestReceiver.Received> requests = receiver.requests(path);
        assertThat(requests).hasSize(1);
        TestReceiver.Received request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.rawQuery()).isNull();
        assertThat(json.readTree(request.body())).isEqualTo(json.valueToTree(body));
        Thread.sleep(300);
        assertThat(receiver.requests(path)).as("no second delivery").hasSize(1);
    }

    @Test
    void mssaSignatureVerifiesWithTheDocumentedRecipe() throws Exception {
        String path = uniquePath("mss");
        String configuredUrl = receiver.url(path) + "?token=abc%2Fdef&lang=zh";
        String key = "k3y-" + UUID.randomUUID();
        String jobId = uniqueId();

        inTransaction(() -> callbacks.enqueue("proj-mss", jobId, new CallbackConfig(configuredUrl, AuthType.MSS_A, key),
                videoResult("FAILED", jobId)));

        assertThat(awaitFinal(jobId).state()).isEqualTo(DeliveryState.DELIVERED);
        TestReceiver.Received request = receiver.requests(path).get(0);
        // What a receiver written to the reference does (worked example L11856-L11869): split off the two appended
        // parameters, read time_stamp as hex epoch milliseconds, and recompute the HMAC over the URL it handed out
        // followed by those milliseconds in decimal. (Until issue 13 this test asserted hex epoch seconds and
        // url + hex, which no receiver following L11860 accepts.)
        String rawQuery = request.rawQuery();
        int appended = rawQuery.indexOf("&secret=");
        assertThat(appended).isPositive();
        String originalUrl = "http://127.0.0.1:" + receiver.port() + request.rawPath() + "?" + rawQuery.substring(0, appended);
        assertThat(originalUrl).isEqualTo(configuredUrl);
        Map<String, String> params = queryParams(rawQuery.substring(appended + 1));
        assertThat(params).containsOnlyKeys("secret", "time_stamp");
        String timeStamp = params.get("time_stamp");
        assertThat(timeStamp).matches("[0-9a-f]+");
        long millis = Long.parseLong(timeStamp, 16);
        assertThat(millis).isCloseTo(Instant.now().toEpochMilli(), org.assertj.core.data.Offset.offset(5_000L));
        assertThat(params.get("secret")).isEqualTo(hmacSha256Hex(key, originalUrl + millis));
        assertThat(json.readTree(request.body()).get("result").asText()).isEqualTo("FAILED");
    }

    @Test
    void aReceiverFailingTwiceGetsExactlyThreeAttempts() throws Exception {
        String path = uniquePath("flaky");
        receiver.answer(path, 500, 500, 200);
        String jobId = uniqueId();

        inTransaction(() -> callbacks.enqueue("proj-retry", jobId, none(receiver.url(path)), videoResult("SUCCEED", jobId)));

        CallbackDelivery delivery = awaitFinal(jobId);
        assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.lastStatus()).isEqualTo(200);
        List<TestReceiver.Received> requests = receiver.requests(path);
        assertThat(requests).hasSize(3);
        // 50 ms, then 100 ms: the backoff doubles.
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        assertThat(requests).extracting(TestReceiver.Received::body).containsOnly(requests.get(0).body());
    }

    @Test
    void aReceiverThatAlwaysFailsEndsFailedAfterMaxAttempts() throws Exception {
        String path = uniquePath("down");
        receiver.answer(path, 503);
        String jobId = uniqueId();

        inTransaction(() -> callbacks.enqueue("proj-fail", jobId, none(receiver.url(path)), videoResult("SUCCEED", jobId)));

        CallbackDelivery delivery = awaitFinal(jobId);
        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.lastStatus()).isEqualTo(503);
        assertThat(delivery.lastError()).isEqualTo("HTTP 503: {\"error\":\"receiver says 503\"}");
        assertThat(delivery.nextAttemptAt()).isNull();
        Thread.sleep(200);
        assertThat(receiver.requests(path)).hasSize(4);
    }

    @Test
    void anUnreachableReceiverIsRecordedAsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String jobId = uniqueId();

        inTransaction(() -> callbacks.enqueue("proj-refused", jobId, none("http://127.0.0.1:" + closedPort + "/cb"),
                videoResult("SUCCEED", jobId)));

        CallbackDelivery delivery = awaitFinal(jobId);
        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.lastStatus()).isNull();
        assertThat(delivery.lastError()).startsWith("Could not connect");
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        String path = uniquePath("moved");
        String target = uniquePath("target");
        receiver.redirect(path, receiver.url(target));
        String jobId = uniqueId();

        inTransaction(() -> callbacks.enqueue("proj-redirect", jobId, none(receiver.url(path)), videoResult("SUCCEED", jobId)));

        CallbackDelivery delivery = awaitFinal(jobId);
        assertThat(delivery.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(delivery.lastStatus()).isEqualTo(302);
        assertThat(delivery.lastError()).contains("redirects are not followed (Location: " + receiver.url(target) + ")");
        assertThat(receiver.requests(path)).hasSize(4);
        assertThat(receiver.requests(target)).isEmpty();
    }

    @Test
    void aRolledBackTransactionSendsNothing() throws Exception {
        String path = uniquePath("rollback");
        String jobId = uniqueId();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            callbacks.enqueue("proj-rollback", jobId, none(receiver.url(path)), videoResult("SUCCEED", jobId));
            assertThat(outbox.recent("proj-rollback", jobId, 10)).as("visible inside the transaction").hasSize(1);
            status.setRollbackOnly();
        });

        // A committed delivery arrives in milliseconds (see the other tests); give a wrong one ample time to show.
        Thread.sleep(500);
        assertThat(receiver.requests(path)).isEmpty();
        assertThat(outbox.recent("proj-rollback", jobId, 10)).isEmpty();
    }

    @Test
    void aNameIsCheckedAgainAndResolvedBeforeSending() throws Exception {
        String path = uniquePath("byname");
        String jobId = uniqueId();

        inTransaction(() -> callbacks.enqueue("proj-name", jobId,
                none("http://localhost:" + receiver.port() + path), videoResult("SUCCEED", jobId)));
        assertThat(awaitFinal(jobId).state()).isEqualTo(DeliveryState.DELIVERED);

        // A row whose host the allow-list does not (or no longer) allow is never sent.
        String refusedJob = uniqueId();
        inTransaction(() -> callbacks.enqueue("proj-name", refusedJob, none("http://10.1.2.3:9/cb"),
                videoResult("SUCCEED", refusedJob)));
        CallbackDelivery refused = awaitFinal(refusedJob);
        assertThat(refused.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(refused.lastError()).startsWith("Not sent: host '10.1.2.3' is not allowed by this emulator");
    }

    @Test
    void severalNodesOnOneDatabaseSendEachCallbackExactlyOnce() throws Exception {
        // A second node: its own dispatcher threads and lease owner, polling hard, on the same table.
        CallbackProperties eager = new CallbackProperties(null, 4, Duration.ofMillis(50), Duration.ofMillis(100),
                null, Duration.ofSeconds(3), 3, Duration.ofMillis(5));
        CallbackDispatcher otherNode = new CallbackDispatcher(outbox, sender, eager, Clock.systemUTC());
        otherNode.start();
        try {
            List<String> paths = new ArrayList<>();
            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String path = uniquePath("race" + i);
                String jobId = uniqueId();
                paths.add(path);
                jobs.add(jobId);
                inTransaction(() -> callbacks.enqueue("proj-race", jobId, none(receiver.url(path)),
                        videoResult("SUCCEED", jobId)));
            }
            for (String jobId : jobs) {
                CallbackDelivery delivery = awaitFinal(jobId);
                assertThat(delivery.state()).isEqualTo(DeliveryState.DELIVERED);
                assertThat(delivery.attempts()).isEqualTo(1);
            }
            Thread.sleep(200);
            for (String path : paths) {
                assertThat(receiver.requests(path)).as(path).hasSize(1);
            }
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void aClaimWhoseNodeStoppedIsTakenOverOrFailedWhenNoAttemptsAreLeft() throws Exception {
        CallbackProperties eager = new CallbackProperties(null, 4, Duration.ofMillis(50), Duration.ofMillis(100),
                null, Duration.ofSeconds(3), 1, Duration.ofMillis(20));
        String path = uniquePath("orphan");
        String orphan = uniqueId();
        String exhausted = uniqueId();
        callbacks.enqueue("proj-lease", orphan, none(receiver.url(path)), videoResult("SUCCEED", orphan));
        callbacks.enqueue("proj-lease", exhausted, none(receiver.url(path)), videoResult("SUCCEED", exhausted));
        // Let those first deliveries finish, then pretend a dead node had claimed each again: one with attempts
        // left, one on its last attempt.
        awaitFinal(orphan);
        awaitFinal(exhausted);
        simulateDeadClaim(orphan, 1);
        simulateDeadClaim(exhausted, 4);

        CallbackDispatcher otherNode = new CallbackDispatcher(outbox, sender, eager, Clock.systemUTC());
        otherNode.start();
        try {
            CallbackDelivery takenOver = awaitFinal(orphan);
            assertThat(takenOver.state()).isEqualTo(DeliveryState.DELIVERED);
            assertThat(takenOver.attempts()).isEqualTo(2);
            CallbackDelivery givenUp = awaitFinal(exhausted);
            assertThat(givenUp.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(givenUp.attempts()).isEqualTo(4);
            assertThat(givenUp.lastError()).contains("interrupted");
        } finally {
            otherNode.stop();
        }
        assertThat(receiver.requests(path)).hasSize(3);
    }

    @Test
    void theControlPlaneListsDeliveriesNewestFirst() throws Exception {
        String project = "proj-log-" + uniqueId();
        String path = uniquePath("log");
        receiver.answer(path, 500, 200);
        String firstJob = uniqueId();
        String secondJob = uniqueId();
        inTransaction(() -> callbacks.enqueue(project, firstJob, none(receiver.url(path)), videoResult("SUCCEED", firstJob)));
        awaitFinal(firstJob);
        inTransaction(() -> callbacks.enqueue(project, secondJob, new CallbackConfig(receiver.url(path), AuthType.MSS_A,
                "secret-key"), videoResult("FAILED", secondJob)));
        awaitFinal(secondJob);

        JsonNode all = get("/_emulator/callbacks?project_id=" + project).get("callbacks");
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("job_id").asText()).isEqualTo(secondJob);
        assertThat(all.get(1).get("job_id").asText()).isEqualTo(firstJob);
        assertThat(all.toString()).doesNotContain("secret-key");

        JsonNode first = get("/_emulator/callbacks?project_id=" + project + "&job_id=" + firstJob).get("callbacks");
        assertThat(first).hasSize(1);
        JsonNode entry = first.get(0);
        assertThat(entry.fieldNames()).toIterable().containsExactly("id", "project_id", "job_id", "url", "state",
                "attempts", "last_status", "last_error", "next_attempt_at", "create_time", "update_time", "body");
        assertThat(entry.get("project_id").asText()).isEqualTo(project);
        assertThat(entry.get("url").asText()).isEqualTo(receiver.url(path));
        assertThat(entry.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(entry.get("attempts").asInt()).isEqualTo(2);
        assertThat(entry.get("last_status").asInt()).isEqualTo(200);
        assertThat(entry.get("last_error").isNull()).isTrue();
        assertThat(entry.get("next_attempt_at").isNull()).isTrue();
        assertThat(entry.get("create_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(entry.get("body")).isEqualTo(json.valueToTree(videoResult("SUCCEED", firstJob)));

        assertThat(get("/_emulator/callbacks?job_id=" + secondJob).get("callbacks")).hasSize(1);
        assertThat(get("/_emulator/callbacks?project_id=nobody-" + uniqueId()).get("callbacks")).isEmpty();
        assertThat(get("/_emulator/callbacks").get("callbacks").size()).isBetween(2, CallbackLogController.LIMIT);
    }

    // --- helpers ---

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private CallbackDelivery awaitFinal(String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<CallbackDelivery> rows = outbox.recent(null, jobId, 1);
            if (!rows.isEmpty() && (rows.get(0).state() == DeliveryState.DELIVERED
                    || rows.get(0).state() == DeliveryState.FAILED)) {
                return rows.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("The callback of job " + jobId + " did not finish within " + WAIT + ": "
                + outbox.recent(null, jobId, 1));
    }

    private void simulateDeadClaim(String jobId, int attempts) {
        int updated = jdbc.update("UPDATE callback_delivery SET state = 'SENDING', attempts = ?, lease_owner = 'dead-node',"
                + " lease_until = ?, next_attempt_at = ? WHERE job_id = ?", attempts,
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), java.sql.Timestamp.from(Instant.now().minusSeconds(5)),
                jobId);
        assertThat(updated).isEqualTo(1);
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return json.readTree(response.body());
    }

    private static CallbackConfig none(String url) {
        return new CallbackConfig(url, AuthType.NONE, null);
    }

    private static Map<String, Object> videoResult(String result, String jobId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", result);
        body.put("asset_id", "asset-" + jobId);
        body.put("job_id", jobId);
        return body;
    }

    private static String uniqueId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String uniquePath(String name) {
        return "/callbacks/" + name + "/" + uniqueId();
    }

    private static Map<String, String> queryParams(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String hmacSha256Hex(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
