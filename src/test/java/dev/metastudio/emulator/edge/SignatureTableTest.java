package dev.metastudio.emulator.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.metastudio.emulator.edge.auth.AuthorizationHeader;
import dev.metastudio.emulator.edge.auth.SdkSignature;
import dev.metastudio.emulator.support.SdkWire;
import dev.metastudio.emulator.support.SdkWire.Call;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestProjects;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of awkward requests, each signed and sent by the official SDK. A bare JDK server reads the raw wire
 * request and recomputes the signature with the emulator's {@link SdkSignature}: it must equal the SDK's. The same
 * request sent to the running emulator must then pass authentication (whatever the API answers after that).
 */
class SignatureTableTest extends ServerTest {
    private static HttpServer capture;

    static Stream<Arguments> cases() {
        Map<String, List<String>> oddQuery = new LinkedHashMap<>();
        oddQuery.put("name", List.of("名字 with space+plus*star~tilde/slash&amp=eq%pct"));
        oddQuery.put("asset_id", List.of("b-second", "a-first"));
        oddQuery.put("tag", List.of(""));
        oddQuery.put("Zed", List.of("upper-case key sorts first"));
        oddQuery.put("sort_dir", List.of("desc"));
        return Stream.of(
                Arguments.of("plain GET", Call.get("/v1/{project_id}/digital-assets")),
                Arguments.of("trailing slash", Call.get("/v1/{project_id}/digital-assets/")),
                Arguments.of("odd query: non-ASCII, reserved, repeated key, empty value, upper-case key",
                        Call.get("/v1/{project_id}/digital-assets").withQuery(oddQuery)),
                Arguments.of("non-ASCII and reserved characters in the path",
                        Call.get("/v1/{project_id}/digital-assets/资产 id+a*b~(c):@!$,;='")),
                Arguments.of("non-ASCII and reserved characters in the path, without ';'",
                        Call.get("/v1/{project_id}/digital-assets/资产 id+a*b~(c):@!$,='")),
                Arguments.of("POST with a raw UTF-8 JSON body",
                        Call.post("/v1/{project_id}/digital-assets", "{\"asset_name\":\"数字人 \\\"quoted\\\"\",\"asset_type\":\"IMAGE\"}")),
                Arguments.of("POST with no body", Call.of(HttpMethod.POST, "/v1/{project_id}/digital-assets/x/restore")),
                Arguments.of("POST with an empty body", Call.post("/v1/{project_id}/digital-assets/x/restore", "")),
                Arguments.of("DELETE with a query", Call.of(HttpMethod.DELETE, "/v1/{project_id}/digital-assets/x")
                        .withQuery(Map.of("mode", List.of("force")))),
                Arguments.of("PUT with a body", Call.of(HttpMethod.PUT, "/v1/{project_id}/digital-assets/x")
                        .withBody("{\"asset_name\":\"renamed\"}")),
                Arguments.of("unsigned header with an underscore, header with inner spaces",
                        Call.get("/v1/{project_id}/digital-assets")
                                .withHeaders(Map.of("X_Custom_Underscore", "not signed", "X-App-UserId", "user  42"))),
                Arguments.of("non-JSON content type: UNSIGNED-PAYLOAD",
                        Call.post("/v1/{project_id}/digital-assets", "--boundary--").withContentType("multipart/form-data; boundary=boundary")));
    }

    @BeforeAll
    static void startCapture() throws IOException {
        capture = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        capture.createContext("/", SignatureTableTest::verifyRaw);
        capture.start();
    }

    @AfterAll
    static void stopCapture() {
        capture.stop(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verifierAgreesWithTheSdkSigner(String name, Call call) {
        BasicCredentials credentials = SdkWire.credentials(TestProjects.AK_A, TestProjects.SK_A, TestProjects.PROJECT_A);
        String captureUrl = "http://127.0.0.1:" + capture.getAddress().getPort();
        HttpResponse captured = new SdkWire(captureUrl).send(credentials, call);
        assertThat(captured.getBodyAsString()).as(name).isEqualTo("MATCH");

        HttpResponse live = new SdkWire(baseUrl()).send(credentials, call);
        assertThat(live.getHeader("X-Request-Id")).isNotBlank();
        if (call.path().contains(";")) {
            // The SDK signs a ';' in a path parameter, but a raw ';' is a path parameter to the router, so such a
            // path has no canonical spelling and is refused before authentication (CanonicalPathTest).
            assertThat(live.getStatusCode()).as(name).isEqualTo(400);
            assertThat(live.getBodyAsString()).contains("MSS.00000003").contains("canonical");
            return;
        }
        assertThat(live.getStatusCode()).as(name + ": " + live.getBodyAsString()).isNotIn(401, 403);
    }

    /** Recomputes the signature from nothing but the raw request line, headers and body bytes. */
    private static void verifyRaw(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        AuthorizationHeader auth = AuthorizationHeader.parse(exchange.getRequestHeaders().getFirst("Authorization"))
                .orElseThrow();
        String payloadHash = exchange.getRequestHeaders().getFirst("X-Sdk-Content-Sha256");
        if (payloadHash == null) {
            payloadHash = SdkSignature.sha256Hex(body);
        }
        String canonical = SdkSignature.canonicalRequest(exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), auth.signedHeaders(),
                h -> exchange.getRequestHeaders().getFirst(h), payloadHash);
        String ours = SdkSignature.signature(TestProjects.SK_A,
                SdkSignature.stringToSign(exchange.getRequestHeaders().getFirst("X-Sdk-Date"), canonical));
        String verdict = ours.equals(auth.signature()) ? "MATCH" : "MISMATCH\n" + canonical;
        byte[] out = verdict.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }
}
