package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A live job's {@code live_event_callback_config} signing (Table 6-31, L6713): MSS_A puts
 * {@code hwSecret=hmac_sha256(Key, URI(live_event_callback_url) + hwTime)&hwTime=hex(timestamp)} in the query,
 * MSS_A_HEAD the same values in the headers {@code x-hw-mss-secret} / {@code x-hw-mss-time} with the URL untouched.
 * The HMAC is read as 7.1.1's worked example reads the same formula (message: the configured URL + decimal
 * milliseconds; the time: those milliseconds in lower-case hex), so the expected values here come from an HMAC
 * computed by the test itself or by openssl, never from {@link MssaSignature}.
 */
class LiveEventSigningTest {
    private static final long MILLIS = 1710334464000L;
    private static final String KEY = "live-K3y";

    private record Received(String uri, Map<String, List<String>> headers, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void receiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AttemptOutcome send(String url, Signing signing, String key, long millis) {
        CallbackSender sender = new CallbackSender(CallbackProperties.defaults(), HostAllowList.parse("*"),
                new OutboundGuard(1, ""), Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
        Instant now = Instant.now();
        return sender.send(new CallbackDelivery("d-" + millis, "p", "j", url, signing, key,
                "{\"event_type\":\"SHOOT_SCRIPT_SWITCH\",\"message\":\"{}\"}", DeliveryState.PENDING, 0, now, null,
                null, now, now));
    }

    private static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static String header(Received r, String name) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** {@code printf %s 'https://receiver.example/live/events?tenant=t-11710334464000' | openssl dgst -sha256 -hmac 'live-K3y'}. */
    @Test
    @DisplayName("Table 6-31 MSS_A_HEAD: x-hw-mss-secret = HMAC(Key, configured URL + decimal ms), x-hw-mss-time = hex ms")
    void headerValuesFollowTheReferenceFormula() {
        String url = "https://receiver.example/live/events?tenant=t-1";
        String[] headers = MssaSignature.signedHeaders(url, KEY, MILLIS);
        assertThat(headers).containsExactly("x-hw-mss-secret",
                "c66dc736292d5489b66ad9a170069a48dccda642416c8cd4823d327767770404", "x-hw-mss-time", "18e37e0d000");
        assertThat(MssaSignature.signedUrl(url, KEY, MILLIS, "hwSecret", "hwTime")).isEqualTo(url
                + "&hwSecret=c66dc736292d5489b66ad9a170069a48dccda642416c8cd4823d327767770404&hwTime=18e37e0d000");
    }

    @Test
    @DisplayName("MSS_A_HEAD is sent to the URL as configured, signed in x-hw-mss-secret / x-hw-mss-time only")
    void theHeaderVariantLeavesTheUrlAlone() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/live/events?tenant=t-1";
        AttemptOutcome outcome = send(url, Signing.LIVE_MSS_A_HEAD, KEY, MILLIS);
        assertThat(outcome.status()).as(outcome.error()).isEqualTo(200);
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.uri()).isEqualTo("/live/events?tenant=t-1");
        assertThat(header(r, "x-hw-mss-time")).isEqualTo("18e37e0d000");
        long sentMillis = Long.parseLong(header(r, "x-hw-mss-time"), 16);
        assertThat(header(r, "x-hw-mss-secret")).isEqualTo(hmac(KEY, url + sentMillis));
        assertThat(r.body()).isEqualTo("{\"event_type\":\"SHOOT_SCRIPT_SWITCH\",\"message\":\"{}\"}");
        assertThat(header(r, "Content-Type")).isEqualTo("application/json");
    }

    @Test
    @DisplayName("each attempt is signed afresh: a retry carries its own time and the HMAC of it")
    void eachAttemptIsSignedAtItsOwnTime() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cb";
        send(url, Signing.LIVE_MSS_A_HEAD, KEY, MILLIS);
        send(url, Signing.LIVE_MSS_A_HEAD, KEY, MILLIS + 4000);
        assertThat(received).hasSize(2);
        assertThat(header(received.get(1), "x-hw-mss-time")).isEqualTo(Long.toHexString(MILLIS + 4000));
        assertThat(header(received.get(1), "x-hw-mss-secret")).isEqualTo(hmac(KEY, url + (MILLIS + 4000)))
                .isNotEqualTo(header(received.get(0), "x-hw-mss-secret"));
        // Another key gives another signature: the receiver can tell.
        assertThat(header(received.get(0), "x-hw-mss-secret")).isNotEqualTo(hmac("other", url + MILLIS));
    }

    @Test
    @DisplayName("live MSS_A: hwSecret and hwTime in the query (not the video callbacks' secret / time_stamp), no headers")
    void theQueryVariantUsesTheLiveNames() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/live/events";
        send(url, Signing.LIVE_MSS_A, KEY, MILLIS);
        assertThat(received).hasSize(1);
        Received r = received.get(0);
        assertThat(r.uri()).isEqualTo("/live/events?hwSecret=" + hmac(KEY, url + MILLIS) + "&hwTime=18e37e0d000");
        assertThat(header(r, "x-hw-mss-secret")).isNull();
        assertThat(header(r, "x-hw-mss-time")).isNull();
    }

    @Test
    void noneAndTheVideoSchemeAreUnchanged() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v";
        send(url, Signing.NONE, null, MILLIS);
        send(url, Signing.MSS_A, KEY, MILLIS);
        assertThat(received).extracting(Received::uri).containsExactly("/v",
                "/v?secret=" + hmac(KEY, url + MILLIS) + "&time_stamp=18e37e0d000");
        assertThat(received).allSatisfy(r -> assertThat(header(r, "x-hw-mss-secret")).isNull());
    }

    @Test
    @DisplayName("auth_type of Table 6-31: NONE (or absent), MSS_A, MSS_A_HEAD; MEITUAN_DEFAULT has no documented scheme")
    void liveAuthTypes() {
        assertThat(Signing.ofLiveEventAuthType(null)).contains(Signing.NONE);
        assertThat(Signing.ofLiveEventAuthType("NONE")).contains(Signing.NONE);
        assertThat(Signing.ofLiveEventAuthType("MSS_A")).contains(Signing.LIVE_MSS_A);
        assertThat(Signing.ofLiveEventAuthType("MSS_A_HEAD")).contains(Signing.LIVE_MSS_A_HEAD);
        assertThat(Signing.ofLiveEventAuthType("MEITUAN_DEFAULT")).isEqualTo(Optional.empty());
        assertThat(Signing.ofLiveEventAuthType("mss_a")).isEqualTo(Optional.empty());
        // The outbox column is VARCHAR(16).
        for (Signing s : Signing.values()) {
            assertThat(s.name().length()).as(s.name()).isLessThanOrEqualTo(16);
        }
    }
}
