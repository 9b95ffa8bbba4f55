package dev.metastudio.emulator.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.CallBackConfig;
import com.huaweicloud.sdk.metastudio.v1.model.Create2DDigitalHumanVideoReq;
import com.huaweicloud.sdk.metastudio.v1.model.Show2DDigitalHumanVideoResponse;
import com.sun.net.httpserver.HttpServer;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.Videos;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A finished job POSTs {result, asset_id, job_id} to its callback_url, signed with MSS_A when asked. */
class VideoCallbackTest extends ServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    private HttpServer receiver;
    private MetaStudioClient client;

    @BeforeEach
    void startReceiver() throws Exception {
        client = clientA();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestURI().getRawQuery(), body,
                    exchange.getRequestHeaders().getFirst("Content-Type")});
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aSucceededJobCallsBackWithAValidMssaSignature() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook?tenant=a";
        Create2DDigitalHumanVideoReq body = Videos.textJob(Videos.systemAvatar(client, "Anna (landscape)"),
                "Calling back.").withCallbackConfig(new CallBackConfig().withCallbackUrl(url)
                .withAuthType(CallBackConfig.AuthTypeEnum.MSS_A).withKey("shared-secret"));
        Show2DDigitalHumanVideoResponse job = Videos.await(client, Videos.submit(client, body), Duration.ofSeconds(120));
        assertThat(job.getState().getValue()).isEqualTo("SUCCEED");

        String[] call = received.poll(20, TimeUnit.SECONDS);
        assertThat(call).as("a callback arrived").isNotNull();
        JsonNode payload = JSON.readTree(call[1]);
        assertThat(payload.get("result").asText()).isEqualTo("SUCCEED");
        assertThat(payload.get("job_id").asText()).isEqualTo(job.getJobId());
        assertThat(payload.get("asset_id").asText()).isEqualTo(job.getOutputAssetConfig().getAssetId());
        assertThat(call[2]).startsWith("application/json");

        Map<String, String> query = query(call[0]);
        assertThat(query.get("tenant")).isEqualTo("a");
        String timeStamp = query.get("time_stamp");
        long millis = Long.parseLong(timeStamp, 16);
        assertThat(Math.abs(System.currentTimeMillis() - millis)).isLessThan(60_000);
        // The reference's worked example (L11856-L11869): secret = hmac_sha256(URI(url) + decimal epoch millis, key),
        // time_stamp = hex(those millis). (Previously asserted url + hex epoch seconds, contrary to L11860/L11880.)
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("shared-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((url + millis).getBytes(StandardCharsets.UTF_8)));
        assertThat(query.get("secret")).isEqualTo(expected);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
