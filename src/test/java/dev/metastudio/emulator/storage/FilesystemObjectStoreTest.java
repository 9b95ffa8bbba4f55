package dev.metastudio.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metastudio.emulator.config.ServerSecrets;
import dev.metastudio.emulator.storage.filesystem.FilesystemObjectStore;
import dev.metastudio.emulator.storage.filesystem.ObjectUrlSigner;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The contract on the filesystem store, through the running server's object endpoint, plus what only it does. */
class FilesystemObjectStoreTest extends ObjectStoreContract {
    @Autowired
    ObjectStore store;
    @Autowired
    ServerSecrets secrets;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected ObjectStore store() {
        return store;
    }

    /** Another node's view of the same data: signs with the secret it reads from the shared database. */
    private FilesystemObjectStore otherNode(Clock clock) {
        ServerSecrets ownSecrets = new ServerSecrets(jdbc, new DataSourceTransactionManager(jdbc.getDataSource()));
        return new FilesystemObjectStore(dataDir(), new ObjectUrlSigner(() -> ownSecrets.get("object-url"), clock));
    }

    @Override
    protected String expiredUploadUrl(String key) {
        return otherNode(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2))).uploadUrl(key, HOUR, null, baseUrl());
    }

    @Override
    protected int partSize(int n) {
        return 1000 * n + 7;
    }

    @Test
    void theServerStoresObjectsOnTheFilesystemAndIsReady() throws Exception {
        assertThat(store.kind()).isEqualTo("filesystem");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/_emulator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"storage\":\"UP\"");
    }

    @Test
    void urlsSignedByAnotherNodeSharingTheDatabaseAreAccepted() throws Exception {
        String key = key("nodes/a.bin");
        byte[] bytes = bytes(777, 50);
        String url = otherNode(Clock.systemUTC()).uploadUrl(key, HOUR, md5(bytes), baseUrl());
        assertThat(url).startsWith(baseUrl() + "/_objects/" + key + "?AccessKeyId=").contains("&Expires=")
                .contains("&Signature=");
        assertThat(put(url, bytes, md5(bytes)).statusCode()).isEqualTo(200);
        assertThat(store.stat(key)).contains(new ObjectInfo(777, md5(bytes)));
    }

    @Test
    void storedFileIsTheObjectItself() throws Exception {
        String key = key("local/a.wav");
        store.put(key, file(bytes(100, 51)), "audio/wav");
        Path local = store.localFile(key, null);
        assertThat(local).isEqualTo(dataDir().resolve("objects").resolve(key).toAbsolutePath().normalize());
    }

    @Test
    void getAndHeadAnswerLikeObs() throws Exception {
        String key = key("obs/clip.mp4");
        byte[] bytes = bytes(2048, 52);
        store.put(key, file(bytes), "video/mp4");
        String url = store.downloadUrl(key, HOUR, null, baseUrl());
        String etag = "\"" + HexFormat.of().formatHex(Md5.newDigest().digest(bytes)) + "\"";

        HttpResponse<byte[]> get = get(url, null);
        assertThat(get.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(get.headers().firstValue("ETag")).hasValue(etag);
        assertThat(get.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(get.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<byte[]> head = http.send(HttpRequest.newBuilder(URI.create(url))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(2048);
        assertThat(head.body()).isEmpty();

        HttpResponse<byte[]> notModified = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(notModified.statusCode()).isEqualTo(304);
    }

    @Test
    void browsersMayUploadFromAnyOrigin() throws Exception {
        String url = store.uploadUrl(key("cors/a.bin"), HOUR, null, baseUrl());
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(url))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-md5,content-type").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValueSatisfying(
                origin -> assertThat(origin).isIn("*", "https://app.example.com"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("PUT"));
    }

    @Test
    void errorsAreObsXmlWithTheRequestId() throws Exception {
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/_objects/" + key("x.bin"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/xml"));
        String requestId = unsigned.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(unsigned.body()).startsWith("<?xml").contains("<Error><Code>AccessDenied</Code><Message>")
                .contains("<RequestId>" + requestId + "</RequestId>");

        String missingKey = key("missing.bin");
        HttpResponse<byte[]> missing = get(store.downloadUrl(missingKey, HOUR, null, baseUrl()), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("<Code>NoSuchKey</Code>");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(
                        URI.create(store.uploadUrl(key("p.bin"), HOUR, null, baseUrl())))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.body()).contains("<Code>MethodNotAllowed</Code>");
    }

    @Test
    void formEncodedAndChunkedBodiesAreStoredAsSent() throws Exception {
        String form = key("body/form.txt");
        byte[] formBody = "a=1&b=2&c=%20".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> formResponse = http.send(HttpRequest.newBuilder(
                        URI.create(store.uploadUrl(form, HOUR, null, baseUrl())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(formBody)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(formResponse.statusCode()).as(formResponse.body()).isEqualTo(200);
        assertThat(Files.readAllBytes(store.localFile(form, null))).isEqualTo(formBody);

        String chunked = key("body/chunked.bin");
        byte[] bytes = bytes(300_000, 53);
        HttpResponse<String> chunkedResponse = http.send(HttpRequest.newBuilder(
                        URI.create(store.uploadUrl(chunked, HOUR, md5(bytes), baseUrl())))
                .header("Content-MD5", md5(bytes))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedResponse.statusCode()).as(chunkedResponse.body()).isEqualTo(200);
        assertThat(store.stat(chunked)).contains(new ObjectInfo(bytes.length, md5(bytes)));
    }

    @Test
    void dotSegmentsInTheUrlNeverReachOutsideTheStore() throws Exception {
        String url = store.uploadUrl(key("dots/a.bin"), HOUR, null, baseUrl());
        String query = url.substring(url.indexOf('?'));
        for (String path : new String[] {"/_objects/" + key("dots/%2E%2E/%2E%2E/escaped.bin"),
                "/_objects/%2E%2E/escaped.bin", "/_objects/" + key("dots/..%5C..%5Cescaped.bin")}) {
            HttpResponse<String> response = put(baseUrl() + path + query, bytes(10, 54), null);
            assertThat(response.statusCode()).as(path).isIn(400, 403);
        }
        assertThat(Files.exists(dataDir().resolve("escaped.bin"))).isFalse();
        assertThat(Files.exists(dataDir().resolve("objects/escaped.bin"))).isFalse();
    }

    @Test
    void refusedUploadsAndDeletesLeaveNothingBehind() throws Exception {
        String key = key("litter/deep/er/a.bin");
        byte[] bytes = bytes(5_000, 58);
        assertThat(put(store.uploadUrl(key, HOUR, null, baseUrl()), bytes, md5(new byte[1])).statusCode())
                .isEqualTo(400);
        MultipartUpload upload = store.startMultipart(key, 1, HOUR, baseUrl());
        assertThat(put(upload.partUrls().get(0), bytes, null).statusCode()).isEqualTo(200);
        store.completeMultipart(key, upload.uploadId());
        store.delete(key);

        assertThat(dataDir().resolve("objects").resolve(key("litter"))).doesNotExist();
        try (var uploads = Files.walk(dataDir().resolve("objects-multipart"))) {
            assertThat(uploads).noneMatch(path -> path.toString().contains(upload.uploadId()));
        }
    }

    @Test
    void staleSidecarIsRebuiltFromTheBytes() throws Exception {
        String key = key("sidecar/a.bin");
        store.put(key, file(bytes(1000, 55)), "application/octet-stream");
        byte[] replaced = bytes(1500, 56);
        // As if a crash fell between the object's rename and its sidecar's.
        Files.write(store.localFile(key, null), replaced);
        assertThat(store.stat(key)).contains(new ObjectInfo(1500, md5(replaced)));
    }

    @Test
    void partsOfAFinishedOrDeletedUploadAreRefused() throws Exception {
        String key = key("multipart/gone.zip");
        MultipartUpload upload = store.startMultipart(key, 2, HOUR, baseUrl());
        assertThat(upload.partUrls().get(1)).contains("&partNumber=2&uploadId=" + upload.uploadId() + "&");
        store.delete(key);
        HttpResponse<String> response = put(upload.partUrls().get(0), bytes(10, 57), null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>NoSuchUpload</Code>");
    }
}
