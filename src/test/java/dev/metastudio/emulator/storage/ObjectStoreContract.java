package dev.metastudio.emulator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metastudio.emulator.support.ServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ObjectStore} must do, run against each implementation by a subclass. URLs are exercised
 * with raw HTTP, as an uploader or a browser would use them.
 */
abstract class ObjectStoreContract extends ServerTest {
    protected static final Duration HOUR = Duration.ofHours(1);
    protected final HttpClient http = HttpClient.newHttpClient();
    private final String prefix = "contract/" + UUID.randomUUID() + "/";

    @TempDir
    Path temp;

    protected abstract ObjectStore store();

    /** A PUT URL for the key that has already expired. */
    protected abstract String expiredUploadUrl(String key) throws Exception;

    /** The size of part {@code n} (1-based) of a 3-part upload; the store may have a minimum. */
    protected abstract int partSize(int n);

    protected String key(String name) {
        return prefix + name;
    }

    @Test
    void putStatOpenDelete() throws Exception {
        String key = key("put/video.mp4");
        byte[] bytes = bytes(70_000, 1);
        store().put(key, file(bytes), "video/mp4");

        assertThat(store().stat(key)).contains(new ObjectInfo(bytes.length, md5(bytes)));
        try (InputStream in = store().open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        Path local = store().localFile(key, temp.resolve("scratch"));
        assertThat(Files.readAllBytes(local)).isEqualTo(bytes);
        assertThat(local.getFileName().toString()).endsWith(".mp4");

        store().put(key, file(new byte[] {1, 2, 3}), "video/mp4");
        assertThat(store().stat(key)).contains(new ObjectInfo(3, md5(new byte[] {1, 2, 3})));

        store().delete(key);
        assertThat(store().stat(key)).isEmpty();
        assertThatThrownBy(() -> store().open(key)).isInstanceOf(NoSuchFileException.class);
        store().delete(key);
        assertThat(store().stat(key("never/stored.bin"))).isEmpty();
    }

    @Test
    void uploadThroughPresignedUrlWithoutMd5() throws Exception {
        String key = key("upload/plain.jpg");
        byte[] bytes = bytes(12_345, 2);
        HttpResponse<String> response = put(store().uploadUrl(key, HOUR, null, baseUrl()), bytes, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(store().stat(key)).contains(new ObjectInfo(bytes.length, md5(bytes)));
    }

    @Test
    void keysWithSpacesPlusSignsAndUnicodeWorkThroughUrls() throws Exception {
        String key = key("odd/my clip+1 (ü) #2;v=1&x.mp4");
        byte[] bytes = bytes(2_000, 14);
        HttpResponse<String> response = put(store().uploadUrl(key, HOUR, md5(bytes), baseUrl()), bytes, md5(bytes));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(store().stat(key)).contains(new ObjectInfo(bytes.length, md5(bytes)));
        assertThat(get(store().downloadUrl(key, HOUR, null, baseUrl()), null).body()).isEqualTo(bytes);
    }

    @Test
    void uploadWithTheRequiredContentMd5() throws Exception {
        String key = key("upload/md5.jpg");
        byte[] bytes = bytes(54_321, 3);
        String url = store().uploadUrl(key, HOUR, md5(bytes), baseUrl());
        HttpResponse<String> response = put(url, bytes, md5(bytes));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(store().stat(key)).contains(new ObjectInfo(bytes.length, md5(bytes)));
        try (InputStream in = store().open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void bodyThatDoesNotMatchItsContentMd5IsRefusedAndNothingIsStored() throws Exception {
        byte[] bytes = bytes(4_000, 4);
        byte[] other = bytes(4_000, 5);

        String optional = key("digest/optional.bin");
        HttpResponse<String> unsigned = put(store().uploadUrl(optional, HOUR, null, baseUrl()), bytes, md5(other));
        assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(400);
        assertThat(unsigned.body()).contains("<Code>BadDigest</Code>");
        assertThat(store().stat(optional)).isEmpty();

        String required = key("digest/required.bin");
        HttpResponse<String> signed = put(store().uploadUrl(required, HOUR, md5(other), baseUrl()), bytes, md5(other));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(400);
        assertThat(signed.body()).contains("<Code>BadDigest</Code>");
        assertThat(store().stat(required)).isEmpty();
    }

    @Test
    void requiredContentMd5MustBeSentAndBeTheSignedOne() throws Exception {
        String key = key("digest/missing.bin");
        byte[] bytes = bytes(3_000, 6);
        byte[] other = bytes(3_000, 7);
        String url = store().uploadUrl(key, HOUR, md5(bytes), baseUrl());

        HttpResponse<String> missing = put(url, bytes, null);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(403);
        assertThat(missing.body()).contains("<Code>SignatureDoesNotMatch</Code>");

        HttpResponse<String> another = put(url, other, md5(other));
        assertThat(another.statusCode()).as(another.body()).isEqualTo(403);
        assertThat(store().stat(key)).isEmpty();
    }

    @Test
    void tamperedSignatureIsRefused() throws Exception {
        String key = key("tamper/a.bin");
        String url = store().uploadUrl(key, HOUR, null, baseUrl());
        HttpResponse<String> response = put(tamperSignature(url), bytes(100, 8), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        assertThat(store().stat(key)).isEmpty();
    }

    @Test
    void expiredUrlIsRefused() throws Exception {
        String key = key("expired/a.bin");
        HttpResponse<String> response = put(expiredUploadUrl(key), bytes(100, 9), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>AccessDenied</Code>");
        assertThat(store().stat(key)).isEmpty();
    }

    @Test
    void urlCannotBeReplayedForAnotherKeyOrMethod() throws Exception {
        String key = key("replay/a.bin");
        String otherKey = key("replay/b.bin");
        byte[] bytes = bytes(500, 10);
        String putUrl = store().uploadUrl(key, HOUR, null, baseUrl());

        HttpResponse<String> otherObject = put(putUrl.replace("/a.bin?", "/b.bin?"), bytes, null);
        assertThat(otherObject.statusCode()).as(otherObject.body()).isEqualTo(403);
        assertThat(store().stat(otherKey)).isEmpty();

        assertThat(put(putUrl, bytes, null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> getWithPutUrl = get(putUrl, null);
        assertThat(getWithPutUrl.statusCode()).isEqualTo(403);

        String getUrl = store().downloadUrl(key, HOUR, null, baseUrl());
        HttpResponse<String> putWithGetUrl = put(getUrl, bytes(500, 11), null);
        assertThat(putWithGetUrl.statusCode()).as(putWithGetUrl.body()).isEqualTo(403);
        assertThat(get(getUrl.replace("/a.bin?", "/b.bin?"), null).statusCode()).isEqualTo(403);
        assertThat(store().stat(key)).contains(new ObjectInfo(bytes.length, md5(bytes)));
    }

    @Test
    void downloadUrlReturnsTheBytesUnderTheSignedName() throws Exception {
        String key = key("download/clip.mp4");
        byte[] bytes = bytes(80_000, 12);
        store().put(key, file(bytes), "video/mp4");

        HttpResponse<byte[]> plain = get(store().downloadUrl(key, HOUR, null, baseUrl()), null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).isEqualTo(bytes);

        HttpResponse<byte[]> named = get(store().downloadUrl(key, HOUR, "résumé final.mp4", baseUrl()), null);
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(named.body()).isEqualTo(bytes);
        assertThat(named.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value)
                .startsWith("attachment;").contains("filename*=UTF-8''r%C3%A9sum%C3%A9%20final.mp4"));
    }

    @Test
    void rangeRequestReturnsTheSlice() throws Exception {
        String key = key("range/data.bin");
        byte[] bytes = bytes(10_000, 13);
        store().put(key, file(bytes), "application/octet-stream");

        HttpResponse<byte[]> response = get(store().downloadUrl(key, HOUR, null, baseUrl()), "bytes=1000-1999");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/10000");
    }

    @Test
    void multipartPartsAreAssembledInPartOrder() throws Exception {
        String key = key("multipart/big.zip");
        byte[][] parts = {bytes(partSize(1), 21), bytes(partSize(2), 22), bytes(partSize(3), 23)};
        MultipartUpload upload = store().startMultipart(key, 3, HOUR, baseUrl());
        assertThat(upload.partUrls()).hasSize(3);

        for (int part = 3; part >= 1; part--) {
            HttpResponse<String> response = put(upload.partUrls().get(part - 1), parts[part - 1], null);
            assertThat(response.statusCode()).as("part %d: %s", part, response.body()).isEqualTo(200);
        }
        assertThat(store().stat(key)).isEmpty();
        store().completeMultipart(key, upload.uploadId());

        byte[] whole = concat(parts);
        Optional<ObjectInfo> info = store().stat(key);
        assertThat(info).isPresent();
        assertThat(info.get().size()).isEqualTo(whole.length);
        try (InputStream in = store().open(key)) {
            assertThat(in.readAllBytes()).isEqualTo(whole);
        }
    }

    @Test
    void multipartWithAMissingPartDoesNotComplete() throws Exception {
        String middle = key("multipart/middle.zip");
        MultipartUpload gap = store().startMultipart(middle, 3, HOUR, baseUrl());
        put(gap.partUrls().get(0), bytes(partSize(1), 31), null);
        put(gap.partUrls().get(2), bytes(partSize(3), 33), null);
        assertThatThrownBy(() -> store().completeMultipart(middle, gap.uploadId()))
                .isInstanceOf(IncompleteUploadException.class).hasMessageContaining("[2]");
        assertThat(store().stat(middle)).isEmpty();

        String last = key("multipart/last.zip");
        MultipartUpload truncated = store().startMultipart(last, 3, HOUR, baseUrl());
        put(truncated.partUrls().get(0), bytes(partSize(1), 41), null);
        put(truncated.partUrls().get(1), bytes(partSize(2), 42), null);
        assertThatThrownBy(() -> store().completeMultipart(last, truncated.uploadId()))
                .isInstanceOf(IncompleteUploadException.class).hasMessageContaining("[3]");
        assertThat(store().stat(last)).isEmpty();

        store().delete(middle);
        store().delete(last);
        assertThatThrownBy(() -> store().completeMultipart(last, truncated.uploadId()))
                .as("delete drops the unfinished upload with its parts")
                .isInstanceOf(IncompleteUploadException.class).hasMessageNotContaining("lacks part(s) [3]");
    }

    @Test
    void keysThatCouldEscapeTheStoreAreRefused() throws Exception {
        Path file = file(new byte[] {1});
        for (String bad : new String[] {"../outside.bin", "a/../../outside.bin", "a/..", "/etc/passwd",
                "a\\..\\b.bin", "a/b\u0000.bin", "", "  ", "./.", "a\nb"}) {
            assertThatThrownBy(() -> store().uploadUrl(bad, HOUR, null, baseUrl())).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().put(bad, file, "text/plain")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().stat(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().delete(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---- helpers

    protected HttpResponse<String> put(String url, byte[] body, String contentMd5) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentMd5 != null) {
            request.header("Content-MD5", contentMd5);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<byte[]> get(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Flips one character of the signature, whichever query parameter carries it. */
    protected static String tamperSignature(String url) {
        for (String name : new String[] {"X-Amz-Signature=", "Signature="}) {
            int at = url.indexOf(name);
            if (at >= 0 && (at == 0 || url.charAt(at - 1) == '&' || url.charAt(at - 1) == '?')) {
                int position = at + name.length() + 3;
                char flipped = url.charAt(position) == 'a' ? 'b' : 'a';
                return url.substring(0, position) + flipped + url.substring(position + 1);
            }
        }
        throw new IllegalArgumentException("no signature in " + url);
    }

    protected Path file(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(temp, "object", ".bin");
        Files.write(file, bytes);
        return file;
    }

    protected static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected static String md5(byte[] bytes) {
        return Md5.base64(Md5.newDigest().digest(bytes));
    }

    protected static String md5(String text) {
        return md5(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[][] parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] whole = new byte[total];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, whole, at, part.length);
            at += part.length;
        }
        return whole;
    }
}
