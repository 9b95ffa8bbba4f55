package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpResponse;
import dev.metastudio.emulator.edge.auth.SdkSignature;
import dev.metastudio.emulator.support.RawHttp;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import dev.metastudio.emulator.support.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A signature covers exactly the body that is executed, and no authentication method lets a body past 12 MB:
 * a hex X-Sdk-Content-Sha256 must be the body's own hash, UNSIGNED-PAYLOAD is for multipart bodies only (as the SDK
 * sends it), and token callers are bounded like signed ones.
 */
class BodyBindingTest extends ServerTest {
    private static final String ORIGINAL = "{\"asset_name\":\"signed original\",\"asset_type\":\"IMAGE\"}";
    private static final String SUBSTITUTE = "{\"asset_name\":\"substituted\",\"asset_type\":\"IMAGE\"}";
    private final BasicCredentials a = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);

    @Test
    void aSignedPayloadHashHeaderMustBeTheHashOfTheBodySent() {
        String hash = SdkSignature.sha256Hex(ORIGINAL.getBytes(StandardCharsets.UTF_8));
        Call signedWithHash = Call.post("/v1/{project_id}/digital-assets", ORIGINAL)
                .withHeaders(Map.of("X-Sdk-Content-Sha256", hash));
        HttpResponse honest = new SdkWire(baseUrl()).send(a, signedWithHash);
        assertThat(honest.getStatusCode()).as(honest.getBodyAsString()).isEqualTo(200);

        // The captured request, replayed with its header and signature but another body.
        HttpResponse replayed = new SdkWire(baseUrl()).send(a, signedWithHash,
                signed -> signed.builder().withBodyAsString(SUBSTITUTE).build());
        assertThat(replayed.getStatusCode()).isEqualTo(401);
        assertThat(replayed.getBodyAsString()).contains("APIGW.0301").contains("does not match X-Sdk-Content-Sha256");
        assertThat(replayed.getHeader("X-Request-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void unsignedPayloadIsRefusedForJsonAndAcceptedForMultipartAsTheSdkSendsIt() {
        Call json = Call.post("/v1/{project_id}/digital-assets", SUBSTITUTE)
                .withHeaders(Map.of("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"));
        HttpResponse refused = new SdkWire(baseUrl()).send(a, json);
        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getBodyAsString()).contains("UNSIGNED-PAYLOAD is accepted only for multipart/form-data");
        for (String contentType : new String[] {"application/vnd.example+json", "text/plain"}) {
            HttpResponse other = new SdkWire(baseUrl()).send(a, json.withContentType(contentType));
            assertThat(other.getStatusCode()).as(contentType).isEqualTo(401);
        }
        // The SDK itself adds UNSIGNED-PAYLOAD for a multipart body: authentication passes (the route may not exist).
        HttpResponse multipart = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-assets",
                "--b--").withContentType("multipart/form-data; boundary=b"));
        assertThat(multipart.getStatusCode()).isNotIn(401, 403);
    }

    @Test
    void aPayloadHashHeaderThatIsNotSignedOrNotAHashIsRefused() {
        HttpResponse unsignedHeader = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-assets",
                ORIGINAL), signed -> {
                    signed.getHeaders().put("X-Sdk-Content-Sha256", List.of("UNSIGNED-PAYLOAD"));
                    return signed;
                });
        assertThat(unsignedHeader.getStatusCode()).isEqualTo(401);
        HttpResponse notAHash = new SdkWire(baseUrl()).send(a, Call.post("/v1/{project_id}/digital-assets", ORIGINAL)
                .withHeaders(Map.of("X-Sdk-Content-Sha256", "abc")));
        assertThat(notAHash.getStatusCode()).isEqualTo(401);
    }

    @Test
    void tokenCallersAreHeldToTwelveMegabytesToo() throws Exception {
        String token = Tokens.issue(baseUrl(), TestProjects.USER_A, TestProjects.PASSWORD_A, TestProjects.PROJECT_A);
        byte[] huge = ("{\"asset_description\":\"" + "x".repeat(13 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> declared = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/v1/" + TestProjects.PROJECT_A + "/digital-assets"))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("APIGW.0201").contains("12 MB");
        assertThat(declared.headers().firstValue("X-Request-Id")).isPresent();
    }

    /** The OutOfMemoryError of the issue: six concurrent 120 MB chunked bodies with a token. Each stops at 12 MB. */
    @Test
    void sixConcurrentChunkedBodiesOf120MegabytesAreEachCutOffAt12() throws Exception {
        String token = Tokens.issue(baseUrl(), TestProjects.USER_A, TestProjects.PASSWORD_A, TestProjects.PROJECT_A);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(pool.submit(() -> chunkedUpload(token, 120L * 1024 * 1024)));
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(413);
        }
        pool.shutdown();
        assertThat(RawHttp.get(port, "/_emulator/health").status()).isEqualTo(200);
    }

    /** Streams a chunked JSON body of {@code total} bytes while reading the answer; returns its status. */
    private int chunkedUpload(String token, long total) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            Future<RawHttp.Response> answer = Executors.newSingleThreadExecutor().submit(() -> {
                try (InputStream in = socket.getInputStream()) {
                    return RawHttp.read(in);
                }
            });
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/" + TestProjects.PROJECT_A + "/digital-assets HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Auth-Token: " + token + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // One JSON string that never ends: the parser reads on until the limit stops it.
            byte[] opening = "{\"asset_description\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            System.arraycopy(opening, 0, chunk, 0, opening.length);
            try {
                for (long sent = 0; sent < total && !answer.isDone(); sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    Arrays.fill(chunk, 0, opening.length, (byte) 'x');
                }
            } catch (IOException closedByTheServer) {
                // Expected once the server has refused the body.
            }
            return answer.get().status();
        }
    }
}
