package dev.metastudio.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.storage.s3.S3ObjectStore;
import dev.metastudio.emulator.support.ServerTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The server configured for S3 (as by METASTUDIO_STORAGE_*): its one store is S3, its bucket made at start-up. */
class S3StorageServerTest extends ServerTest {
    private static final String BUCKET = "emulator-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    ObjectStore store;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3ProxyServer s3 = S3ProxyServer.shared();
        registry.add("metastudio.storage.type", () -> "s3");
        registry.add("metastudio.storage.s3.endpoint", s3::endpoint);
        registry.add("metastudio.storage.s3.bucket", () -> BUCKET);
        registry.add("metastudio.storage.s3.access-key", () -> S3ProxyServer.ACCESS_KEY);
        registry.add("metastudio.storage.s3.secret-key", () -> S3ProxyServer.SECRET_KEY);
        registry.add("metastudio.storage.upload-url-validity", () -> "2h");
        // This server shares the test database with the other server tests but keeps its objects elsewhere: as a
        // worker it would take their jobs and store the results where their URLs do not point.
        registry.add("metastudio.role", () -> "api");
    }

    @Test
    void theStoreIsS3AndReady() throws Exception {
        assertThat(store).isInstanceOf(S3ObjectStore.class);
        assertThat(store.kind()).isEqualTo("s3");
        HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/health")));
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"storage\":\"UP\"");
    }

    @Test
    void urlsPointAtTheBucketCreatedAtStartUp() throws Exception {
        String url = store.uploadUrl("wiring/a.txt", Duration.ofHours(2), null, baseUrl());
        assertThat(url).startsWith(S3ProxyServer.shared().endpoint() + "/" + BUCKET + "/wiring/a.txt?")
                .contains("X-Amz-Expires=7200");
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(store.stat("wiring/a.txt")).contains(new ObjectInfo(5, md5Of("hello")));
        store.delete("wiring/a.txt");
    }

    @Test
    void theEmulatorServesNoObjectsItself() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_objects/wiring/a.txt")));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>NoSuchBucket</Code>");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String md5Of(String text) {
        return Md5.base64(Md5.newDigest().digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
