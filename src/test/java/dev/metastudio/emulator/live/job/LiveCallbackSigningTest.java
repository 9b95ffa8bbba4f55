package dev.metastudio.emulator.live.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomReq;
import com.huaweicloud.sdk.metastudio.v1.model.CreateSmartLiveRoomRequest;
import com.huaweicloud.sdk.metastudio.v1.model.LiveEventCallBackConfig;
import com.huaweicloud.sdk.metastudio.v1.model.LiveShootScriptItem;
import com.huaweicloud.sdk.metastudio.v1.model.LiveVideoScriptInfo;
import com.huaweicloud.sdk.metastudio.v1.model.PlayPolicy;
import com.huaweicloud.sdk.metastudio.v1.model.ShowSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveReq;
import com.huaweicloud.sdk.metastudio.v1.model.StartSmartLiveRequest;
import com.huaweicloud.sdk.metastudio.v1.model.TextConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VideoConfig;
import com.huaweicloud.sdk.metastudio.v1.model.VoiceConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.metastudio.emulator.media.RtmpListener;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.Videos;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live job's event callbacks signed as {@code live_event_callback_config.auth_type} says (Table 6-31), checked by
 * a receiver inside the test written to that table alone: MSS_A
 * {@code ?hwSecret=hmac_sha256(Key, URI(live_event_callback_url) + hwTime)&hwTime=hex(timestamp)}, MSS_A_HEAD the
 * same in {@code x-hw-mss-secret} / {@code x-hw-mss-time}. The HMAC message is the configured URL followed by the
 * timestamp in decimal milliseconds (the reading of the reference's one worked example of this formula, 7.1.1); the
 * receiver answers 401 to anything that does not verify, and the test fails on any such callback.
 */
class LiveCallbackSigningTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "r3ceiver-K3y";
    /** What a receiver tolerates between hwTime and its own clock. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** One callback as the receiver saw and judged it. */
    private record Received(String path, String eventType, JsonNode message, String verdict) {
        boolean verified() {
            return verdict.equals("ok");
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private String base;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        receiver.createContext("/query", exchange -> judge(exchange, false));
        receiver.createContext("/head", exchange -> judge(exchange, true));
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    /** The URL registered with the job: the receiver knows it, as an integrator knows the URL they configured. */
    private String configured(String path, String tenant) {
        return base + path + "?tenant=" + tenant;
    }

    private void judge(HttpExchange exchange, boolean inHeaders) throws java.io.IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String verdict;
        String tenant = null;
        String secret = null;
        String time = null;
        String rest = query;
        if (inHeaders) {
            secret = exchange.getRequestHeaders().getFirst("x-hw-mss-secret");
            time = exchange.getRequestHeaders().getFirst("x-hw-mss-time");
            if (query != null && (query.contains("hwSecret") || query.contains("hwTime"))) {
                rest = null;
            }
        } else if (query != null) {
            StringBuilder kept = new StringBuilder();
            for (String pair : query.split("&")) {
                if (pair.startsWith("hwSecret=")) {
                    secret = pair.substring("hwSecret=".length());
                } else if (pair.startsWith("hwTime=")) {
                    time = pair.substring("hwTime=".length());
                } else {
                    kept.append(kept.length() == 0 ? "" : "&").append(pair);
                }
            }
            rest = kept.toString();
        }
        if (rest != null && rest.startsWith("tenant=")) {
            tenant = rest.substring("tenant=".length());
        }
        if (tenant == null) {
            verdict = "the configured URL is not what was called: " + exchange.getRequestURI();
        } else if (secret == null || time == null) {
            verdict = "unsigned: " + exchange.getRequestURI() + " " + exchange.getRequestHeaders().keySet();
        } else if (!inHeaders && exchange.getRequestHeaders().containsKey("x-hw-mss-secret")) {
            verdict = "MSS_A signed in the headers too";
        } else {
            long millis;
            try {
                millis = Long.parseLong(time, 16);
            } catch (NumberFormatException e) {
                millis = -1;
            }
            if (millis < 0 || Duration.between(Instant.ofEpochMilli(millis), Instant.now()).abs().compareTo(SKEW) > 0) {
                verdict = "hwTime " + time + " is not the hex of a current epoch millisecond";
            } else if (!secret.equals(hmac(KEY, configured(path, tenant) + millis))) {
                verdict = "hwSecret " + secret + " does not verify";
            } else if (secret.equals(hmac("another key", configured(path, tenant) + millis))) {
                verdict = "the signature does not depend on the key";
            } else {
                verdict = "ok";
            }
        }
        JsonNode parsed = JSON.readTree(body);
        received.add(new Received(path, parsed.path("event_type").asText(),
                JSON.readTree(parsed.path("message").asText()), verdict));
        exchange.sendResponseHeaders(verdict.equals("ok") ? 200 : 401, -1);
        exchange.close();
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two short paragraphs played once (repeat_count 0): the job ends by itself. */
    private static String room(MetaStudioClient client) {
        String anna = Videos.systemAvatar(client, "Anna (landscape)");
        LiveVideoScriptInfo scene = new LiveVideoScriptInfo().withScriptName("signed").withModelAssetId(anna)
                .withVoiceConfig(new VoiceConfig().withVoiceAssetId(Videos.EMMA))
                .withShootScripts(List.of(
                        new LiveShootScriptItem().withSequenceNo(1).withTitle("one")
                                .withTextConfig(new TextConfig().withText("Welcome to the signed callbacks show,"
                                        + " where every event is checked by its receiver.")),
                        new LiveShootScriptItem().withSequenceNo(2).withTitle("two")
                                .withTextConfig(new TextConfig().withText("That was all for today, thank you for"
                                        + " watching, and goodbye."))));
        return client.createSmartLiveRoom(new CreateSmartLiveRoomRequest().withBody(new CreateSmartLiveRoomReq()
                .withRoomName("signed callbacks " + UUID.randomUUID()).withSceneScripts(List.of(scene))
                .withPlayPolicy(new PlayPolicy().withRepeatCount(0)
                        .withRandomPlayMode(PlayPolicy.RandomPlayModeEnum.NONE))
                .withVideoConfig(Videos.video(VideoConfig.CodecEnum.H264, 1920, 1080)))).getRoomId();
    }

    private static LiveEventCallBackConfig callbacks(String url, LiveEventCallBackConfig.AuthTypeEnum auth, String key) {
        return new LiveEventCallBackConfig().withLiveEventTypeCallbackUrl(url).withAuthType(auth).withKey(key)
                .withCallbackEventType(List.of("SHOOT_SCRIPT_SWITCH", "RTMP_STREAM_STATE_CHANGE"));
    }

    /** Runs one job of the room to its end, pushing to an RTMP server in the test, with the given callbacks. */
    private String runJob(MetaStudioClient client, String room, LiveEventCallBackConfig config) throws Exception {
        int port = RtmpListener.freePort();
        try (RtmpReceiver rtmp = new RtmpReceiver(port)) {
            // The listener thread needs a moment before it accepts a publisher.
            Thread.sleep(500);
            String job = client.startSmartLive(new StartSmartLiveRequest().withRoomId(room).withBody(
                    new StartSmartLiveReq().withOutputUrls(List.of("rtmp://127.0.0.1:" + port + "/live"))
                            .withStreamKeys(List.of("key")).withLiveEventCallbackConfig(config))).getJobId();
            Instant deadline = Instant.now().plusSeconds(90);
            String state;
            do {
                Thread.sleep(200);
                state = client.showSmartLive(new ShowSmartLiveRequest().withRoomId(room).withJobId(job)).getState()
                        .getValue();
                assertThat(Instant.now()).as("job %s still %s", job, state).isBefore(deadline);
            } while (!state.equals("SUCCEED") && !state.equals("FAILED"));
            assertThat(state).isEqualTo("SUCCEED");
            assertThat(rtmp.videoFrames).as("the stream reached the RTMP server").isPositive();
            return job;
        }
    }

    /** The job's callbacks once SHOOT_SCRIPT_SWITCH x2 and the link's CONNECTED and END have all arrived. */
    private List<Received> callbacksOf(String job) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            List<Received> mine = received.stream().filter(r -> r.message().path("job_id").asText().equals(job))
                    .toList();
            boolean complete = mine.stream().filter(r -> r.eventType().equals("SHOOT_SCRIPT_SWITCH")).count() >= 2
                    && states(mine).containsAll(List.of("CONNECTED", "END"));
            if (complete || Instant.now().isAfter(deadline)) {
                return mine;
            }
            Thread.sleep(100);
        }
    }

    private static List<String> states(List<Received> callbacks) {
        return callbacks.stream().filter(r -> r.eventType().equals("RTMP_STREAM_STATE_CHANGE"))
                .map(r -> r.message().path("state").asText()).toList();
    }

    private static void assertAllVerified(List<Received> callbacks, String path) {
        System.out.println(path + ": " + callbacks.size() + " callbacks verified as Table 6-31 reads: "
                + callbacks.stream().map(r -> r.eventType() + (r.eventType().equals("RTMP_STREAM_STATE_CHANGE")
                ? "/" + r.message().path("state").asText() : "/" + r.message().path("shoot_script_sequence_no")
                .asText())).toList());
        assertThat(callbacks).as("callbacks").isNotEmpty();
        assertThat(callbacks).allSatisfy(r -> {
            assertThat(r.verdict()).as("%s %s", r.eventType(), r.message()).isEqualTo("ok");
            assertThat(r.path()).isEqualTo(path);
        });
        assertThat(callbacks.stream().filter(r -> r.eventType().equals("SHOOT_SCRIPT_SWITCH"))
                .map(r -> r.message().path("shoot_script_sequence_no").asText()).toList()).containsExactly("1", "2");
        assertThat(states(callbacks)).contains("CONNECTING", "CONNECTED", "END");
    }

    @Test
    void mssaSignsTheQueryAndMssaHeadTheHeadersAsTable631Says() throws Exception {
        MetaStudioClient client = clientA();
        String room = room(client);
        String tenant = UUID.randomUUID().toString().substring(0, 8);

        String queryJob = runJob(client, room, callbacks(configured("/query", tenant),
                LiveEventCallBackConfig.AuthTypeEnum.MSS_A, KEY));
        assertAllVerified(callbacksOf(queryJob), "/query");

        // A NORMAL room starts again: the same room, now signing in the headers.
        String headJob = runJob(client, room, callbacks(configured("/head", tenant),
                LiveEventCallBackConfig.AuthTypeEnum.MSS_A_HEAD, KEY));
        assertAllVerified(callbacksOf(headJob), "/head");
    }

    @Test
    void aSignedConfigurationWithoutAKeyIsRefusedAtStart() {
        MetaStudioClient client = clientA();
        String room = room(client);
        for (LiveEventCallBackConfig.AuthTypeEnum auth : List.of(LiveEventCallBackConfig.AuthTypeEnum.MSS_A,
                LiveEventCallBackConfig.AuthTypeEnum.MSS_A_HEAD)) {
            ServiceResponseException refused = catchThrowableOfType(() -> client.startSmartLive(
                    new StartSmartLiveRequest().withRoomId(room).withBody(new StartSmartLiveReq()
                            .withLiveEventCallbackConfig(callbacks(configured("/head", "x"), auth, null)))),
                    ServiceResponseException.class);
            assertThat(refused).as("%s without a key", auth).isNotNull();
            assertThat(refused.getHttpStatusCode()).isEqualTo(400);
            assertThat(refused.getErrorCode()).isEqualTo("MSS.00000003");
            assertThat(refused.getErrorMsg()).contains("live_event_callback_config.key");
        }
        assertThat(received).isEmpty();
    }
}
