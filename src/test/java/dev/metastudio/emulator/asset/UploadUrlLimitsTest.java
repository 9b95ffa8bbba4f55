package dev.metastudio.emulator.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.ConfirmFileUploadRequestBody.StateEnum;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateLargeFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateLargeFileResponse;
import com.huaweicloud.sdk.metastudio.v1.model.FilesCreateReq;
import com.huaweicloud.sdk.metastudio.v1.model.LargeFilesCreateReq;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.RawHttp;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upload URL takes what its file declared and nothing after the file is settled: once confirmed (or failed, or
 * cancelled) it accepts no bytes, so verified content cannot be replaced; a body longer than the declared size is
 * cut off after size + 1 bytes and refused, nothing of it stored.
 */
class UploadUrlLimitsTest extends ServerTest {
    private static final byte[] TEN_BYTES = new byte[10];
    private MetaStudioClient client;

    @BeforeEach
    void connect() {
        client = clientA();
    }

    @Test
    void aConfirmedFilesUploadUrlNoLongerAcceptsBytes() {
        byte[] png = TestMedia.png(40, 40, Color.BLUE);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "confirmed then attacked");
        CreateFileResponse created = createFile(assetId, "a.png", png);
        assertThat(Assets.put(created.getUploadUrl(), png, Assets.md5(png)).statusCode()).isEqualTo(200);
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);
        assertThat(Assets.show(client, assetId).getAssetState().getValue()).isEqualTo("ACTIVED");

        // Even with the declared digest the closed URL takes nothing.
        var put = Assets.put(created.getUploadUrl(), png, Assets.md5(png));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("AccessDenied").contains("closed");
        String download = Assets.show(client, assetId).getFiles().get(0).getDownloadUrl();
        assertThat(Assets.download(download)).isEqualTo(png);
    }

    @Test
    void failedAndCancelledFilesUploadUrlsAreClosedToo() {
        byte[] png = TestMedia.png(16, 16, Color.GREEN);
        for (StateEnum outcome : new StateEnum[] {StateEnum.FAILED, StateEnum.CANCELLED}) {
            String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "settled " + outcome);
            CreateFileResponse created = createFile(assetId, "s.png", png);
            Assets.confirm(client, created.getFileId(), outcome);
            assertThat(Assets.put(created.getUploadUrl(), png, Assets.md5(png)).statusCode()).as(outcome.getValue())
                    .isEqualTo(403);
        }
    }

    @Test
    void aConfirmationThatFindsNothingLeavesTheUrlOpen() {
        byte[] png = TestMedia.png(16, 16, Color.PINK);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "confirm too early");
        CreateFileResponse created = createFile(assetId, "e.png", png);
        ClientRequestException early = catchThrowableOfType(ClientRequestException.class,
                () -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(early.getErrorCode()).isEqualTo("MSS.10001016");
        assertThat(Assets.put(created.getUploadUrl(), png, Assets.md5(png)).statusCode()).isEqualTo(200);
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);
        assertThat(Assets.show(client, assetId).getAssetState().getValue()).isEqualTo("ACTIVED");
    }

    @Test
    void aDeclaredLengthOverTheFileSizeIsRefusedBeforeAByteIsRead() throws Exception {
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "ten bytes declared");
        CreateFileResponse created = createFile(assetId, "ten.png", TEN_BYTES);
        URI url = URI.create(created.getUploadUrl());
        RawHttp.Response response = RawHttp.send(port, "PUT", url.getRawPath() + "?" + url.getRawQuery(),
                "Content-MD5: " + Assets.md5(TEN_BYTES) + "\r\nContent-Length: " + 50L * 1024 * 1024, null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("EntityTooLarge").contains("10 bytes");
        assertNothingStored(created);
    }

    @Test
    void aChunkedBodyLongerThanTheFileSizeIsCutOffAndNothingIsStored() throws Exception {
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "ten bytes, fifty megabytes sent");
        CreateFileResponse created = createFile(assetId, "ten.png", TEN_BYTES);
        URI url = URI.create(created.getUploadUrl());
        int status = chunkedPut(url.getRawPath() + "?" + url.getRawQuery(), 50L * 1024 * 1024);
        assertThat(status).isEqualTo(400);
        assertNothingStored(created);
        try (Stream<Path> staging = Files.list(Files.createDirectories(dataDir().resolve("objects-staging")))) {
            assertThat(staging.filter(p -> p.getFileName().toString().startsWith("put-"))
                    .filter(p -> sizeOf(p) > 11)).as("no staging file holds more than size + 1 bytes").isEmpty();
        }
    }

    @Test
    void thePartsOfALargeFileTogetherCannotOutgrowItsDeclaredSize() {
        String assetId = Assets.create(client, AssetTypeEnum.COMMON_FILE, "two parts, ten bytes");
        CreateLargeFileResponse created = client.createLargeFile(new CreateLargeFileRequest().withBody(
                new LargeFilesCreateReq().withAssetId(assetId).withFileName("p.bin").withFileType("bin")
                        .withFileSize(10L).withAssetFileCategory("MAIN").withFileMultipartCount(2)));
        assertThat(Assets.put(created.getUploadUrls().get(0), new byte[8], null).statusCode()).isEqualTo(200);
        var tooMuch = Assets.put(created.getUploadUrls().get(1), new byte[5], null);
        assertThat(tooMuch.statusCode()).isEqualTo(400);
        assertThat(tooMuch.body()).contains("EntityTooLarge");
        assertThat(Assets.put(created.getUploadUrls().get(1), new byte[2], null).statusCode()).isEqualTo(200);
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);
    }

    private void assertNothingStored(CreateFileResponse created) {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class,
                () -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(e).isNotNull();
        assertThat(e.getErrorCode()).isEqualTo("MSS.10001016");
        assertThat(e.getErrorMsg()).contains("nothing was uploaded");
    }

    /** A MAIN file declaring the size and (mandatory, L3250) MD5 of {@code declared}. */
    private CreateFileResponse createFile(String assetId, String name, byte[] declared) {
        return client.createFile(new CreateFileRequest().withBody(new FilesCreateReq().withAssetId(assetId)
                .withFileName(name).withFileSize((long) declared.length).withFileMd5(Assets.md5(declared))
                .withFileType("png").withAssetFileCategory("MAIN")));
    }

    /** Streams a chunked PUT of {@code total} bytes while reading the answer; returns its status. */
    private int chunkedPut(String target, long total) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            Future<RawHttp.Response> answer = Executors.newSingleThreadExecutor().submit(() -> {
                try (InputStream in = socket.getInputStream()) {
                    return RawHttp.read(in);
                }
            });
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-MD5: " + Assets.md5(TEN_BYTES)
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            try {
                for (long sent = 0; sent < total && !answer.isDone(); sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
            } catch (IOException closedByTheServer) {
                // Expected once the server has refused the body.
            }
            return answer.get().status();
        }
    }

    private static long sizeOf(Path path) {
        try {
            return Files.size(path);
        } catch (IOException gone) {
            return 0;
        }
    }
}
