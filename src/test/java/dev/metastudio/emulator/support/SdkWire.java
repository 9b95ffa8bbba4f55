package dev.metastudio.emulator.support;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import com.huaweicloud.sdk.core.http.HttpResponse;
import com.huaweicloud.sdk.core.impl.DefaultHttpClient;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Arbitrary requests signed and sent by the official SDK's own machinery ({@code BasicCredentials} and its
 * OkHttp client), for cases no generated operation covers: odd paths, tampered bodies, oversized bodies.
 */
public final class SdkWire {
    private final DefaultHttpClient http = new DefaultHttpClient(HttpConfig.getDefaultHttpConfig().withReadTimeout(120));
    private final String endpoint;

    public SdkWire(String endpoint) {
        this.endpoint = endpoint;
    }

    public record Call(HttpMethod method, String path, Map<String, List<String>> query, String body,
                       Map<String, String> headers, String contentType) {
        public static Call of(HttpMethod method, String path) {
            return new Call(method, path, Map.of(), null, Map.of(), "application/json");
        }

        public static Call get(String path) {
            return of(HttpMethod.GET, path);
        }

        public static Call post(String path, String body) {
            return of(HttpMethod.POST, path).withBody(body);
        }

        public Call withQuery(Map<String, List<String>> q) {
            return new Call(method, path, q, body, headers, contentType);
        }

        public Call withHeaders(Map<String, String> h) {
            return new Call(method, path, query, body, h, contentType);
        }

        public Call withBody(String b) {
            return new Call(method, path, query, b, headers, contentType);
        }

        public Call withContentType(String type) {
            return new Call(method, path, query, body, headers, type);
        }
    }

    /** Signs the call as the SDK would ({@code {project_id}} in the path is filled by the credential) and sends it. */
    public HttpResponse send(BasicCredentials credentials, Call call) {
        return send(credentials, call, UnaryOperator.identity());
    }

    /** Like {@link #send}, letting the test alter the signed request before it goes on the wire. */
    public HttpResponse send(BasicCredentials credentials, Call call, UnaryOperator<HttpRequest> afterSigning) {
        HttpRequest signed = credentials.syncProcessAuthRequest(build(call), http);
        return http.syncInvokeHttp(afterSigning.apply(signed));
    }

    public HttpRequest build(Call call) {
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                .withEndpoint(endpoint)
                .withPath(call.path())
                .withMethod(call.method())
                .withContentType(call.contentType());
        call.query().forEach(builder::addQueryParam);
        call.headers().forEach(builder::addHeader);
        if (call.body() != null) {
            builder.withBodyAsString(call.body());
        }
        return builder.build();
    }

    public static BasicCredentials credentials(String ak, String sk, String projectId) {
        return new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId);
    }
}
