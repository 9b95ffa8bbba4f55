package dev.metastudio.emulator.asset;

import static dev.metastudio.emulator.support.Assets.md5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.AssetFileInfo;
import com.huaweicloud.sdk.metastudio.v1.model.ConfirmFileUploadRequestBody.StateEnum;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody.AssetTypeEnum;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileResponse;
import com.huaweicloud.sdk.metastudio.v1.model.CreateLargeFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateLargeFileResponse;
import com.huaweicloud.sdk.metastudio.v1.model.DeleteFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.FilesCreateReq;
import com.huaweicloud.sdk.metastudio.v1.model.LargeFilesCreateReq;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetResponse;
import dev.metastudio.emulator.support.Assets;
import dev.metastudio.emulator.support.ServerTest;
import dev.metastudio.emulator.support.TestMedia;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reference 4.2 through the official SDK, with the presigned PUT done as raw HTTP as an integrator would. */
class UploadHandshakeContractTest extends ServerTest {
    private MetaStudioClient client;

    @BeforeEach
    void connect() {
        client = clientA();
    }

    @Test
    void imageHandshakeEndsActivedWithProbedMetaCoverAndTheSameBytesDownloadable() {
        byte[] png = TestMedia.png(320, 180, Color.BLUE);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "handshake image");
        assertThat(Assets.show(client, assetId).getAssetState().getValue()).isEqualTo("CREATING");

        CreateFileResponse created = Assets.createFile(client, assetId, "picture.png", png, "MAIN");
        assertThat(created.getUploadUrl()).contains("Expires=").contains("Signature=");
        assertThat(Assets.put(created.getUploadUrl(), png, md5(png)).statusCode()).isEqualTo(200);
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);

        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(asset.getAssetExtraMeta().getImageMeta().getWidth()).isEqualTo(320);
        assertThat(asset.getAssetExtraMeta().getImageMeta().getHeight()).isEqualTo(180);
        assertThat(asset.getAssetExtraMeta().getImageMeta().getCodec()).isEqualTo("png");
        AssetFileInfo main = file(asset, "MAIN");
        assertThat(main.getState().getValue()).isEqualTo("CREATED");
        assertThat(main.getFileMd5()).isEqualTo(md5(png));
        assertThat(Assets.download(main.getDownloadUrl())).isEqualTo(png);
        // L801: is_need_generate_cover is "used only for video assets"; an image gets no generated COVER file (this
        // test asserted one before issue 13), so the tenant's own cover is accepted, not refused with MSS.10001009.
        assertThat(file(asset, "COVER")).isNull();
        byte[] coverPng = TestMedia.png(64, 36, Color.RED);
        Assets.upload(client, assetId, "own-cover.png", coverPng, "COVER");
        AssetFileInfo cover = file(Assets.show(client, assetId), "COVER");
        assertThat(Assets.download(cover.getDownloadUrl())).isEqualTo(coverPng);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("L801: is_need_generate_cover (video only) true makes a cover; default false makes none")
    void aVideoGetsAGeneratedCoverOnlyWhenItAsksForOne() {
        byte[] mp4 = TestMedia.mp4(160, 120, 0.6);
        String asked = Assets.create(client, AssetTypeEnum.VIDEO, "cover please", body -> body.withIsNeedGenerateCover(true));
        Assets.upload(client, asked, "clip.mp4", mp4, "MAIN");
        AssetFileInfo generated = file(Assets.show(client, asked), "COVER");
        assertThat(generated).isNotNull();
        assertThat(Assets.download(generated.getDownloadUrl())).startsWith((byte) 0xFF, (byte) 0xD8);

        String plain = Assets.create(client, AssetTypeEnum.VIDEO, "no cover by default");
        Assets.upload(client, plain, "clip.mp4", mp4, "MAIN");
        assertThat(Assets.show(client, plain).getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(file(Assets.show(client, plain), "COVER")).isNull();
        byte[] own = TestMedia.png(32, 24, Color.GREEN);
        Assets.upload(client, plain, "poster.png", own, "COVER");
        assertThat(Assets.download(file(Assets.show(client, plain), "COVER").getDownloadUrl())).isEqualTo(own);
    }

    @Test
    void videoAndAudioAreProbedForReal() {
        String video = Assets.uploaded(client, AssetTypeEnum.VIDEO, "clip.mp4", TestMedia.mp4(320, 240, 1.2));
        ShowAssetResponse shownVideo = Assets.show(client, video);
        assertThat(shownVideo.getAssetState().getValue()).isEqualTo("ACTIVED");
        var meta = shownVideo.getAssetExtraMeta().getVideoMeta();
        assertThat(meta.getVideoCodec()).isEqualTo("h264");
        assertThat(meta.getWidth()).isEqualTo(320);
        assertThat(meta.getHeight()).isEqualTo(240);
        assertThat(meta.getFrameRate()).isEqualTo("25");
        assertThat(meta.getAudioCodec()).isEqualTo("aac");
        assertThat(meta.getDuration()).isEqualTo(1);
        // L801: no is_need_generate_cover, default false: no generated cover (asserted one before issue 13).
        assertThat(file(shownVideo, "COVER")).isNull();

        String audio = Assets.uploaded(client, AssetTypeEnum.AUDIO, "tone.wav", TestMedia.wav(2.0, 440, 16_000));
        var audioMeta = Assets.show(client, audio).getAssetExtraMeta().getAudioMeta();
        assertThat(audioMeta.getDuration()).isEqualTo(2);
        assertThat(audioMeta.getSample()).isEqualTo(16_000);
        assertThat(audioMeta.getAudioChannels()).isEqualTo(1);
    }

    @Test
    void aTextFileNamedMp4FailsTheAssetWithAReasonNotA500() {
        byte[] text = "this is not a video".getBytes(StandardCharsets.UTF_8);
        String assetId = Assets.create(client, AssetTypeEnum.VIDEO, "fake video");
        Assets.upload(client, assetId, "fake.mp4", text, "MAIN");
        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetState().getValue()).isEqualTo("FAILED");
        assertThat(asset.getReason()).contains("not a valid video");
        assertThat(asset.getFailType().getValue()).isEqualTo("AUTOMATIC_REVIEW_REJECT");
        // One rule for a main file that fails a check after upload (issue 13 item 9): the file is FAILED with the
        // reason and no download_url, exactly as for a size or MD5 mismatch, and a new main file may follow.
        assertFailedMainFile(asset, "not a valid video");
        Assets.upload(client, assetId, "real.mp4", TestMedia.mp4(160, 120, 0.4), "MAIN");
        assertThat(Assets.show(client, assetId).getAssetState().getValue()).isEqualTo("ACTIVED");
    }

    private static void assertFailedMainFile(ShowAssetResponse asset, String reason) {
        AssetFileInfo main = file(asset, "MAIN");
        assertThat(main.getState().getValue()).isEqualTo("FAILED");
        assertThat(main.getReason()).contains(reason);
        assertThat(main.getDownloadUrl()).isNull();
    }

    @Test
    void anImageOverTheDocumentedPixelLimitFails() {
        String assetId = Assets.uploaded(client, AssetTypeEnum.IMAGE, "huge.jpg", TestMedia.jpeg(3841, 2000, Color.GRAY));
        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetState().getValue()).isEqualTo("FAILED");
        assertThat(asset.getReason()).contains("pixel too high");
    }

    @Test
    void aPutWhoseContentMd5DoesNotMatchItsBodyIsRefusedAndNothingIsStored() {
        byte[] png = TestMedia.png(64, 64, Color.RED);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "bad digest");
        byte[] other = TestMedia.png(64, 64, Color.GREEN);
        CreateFileResponse created = createFileDeclaring(assetId, "x.png", png.length, md5(other));
        var put = Assets.put(created.getUploadUrl(), png, md5(other));
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("BadDigest");
        ClientRequestException e = refused(() -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(e.getErrorCode()).isEqualTo("MSS.10001016");
        assertThat(Assets.show(client, assetId).getAssetState().getValue()).isEqualTo("CREATING");
    }

    @Test
    void aDeclaredMd5BindsTheUploadUrlSoOtherBytesNeverBecomeTheFile() {
        byte[] declared = TestMedia.png(64, 64, Color.RED);
        byte[] other = Arrays.copyOf(declared, declared.length);
        other[other.length - 1] ^= 0x55;
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "md5 mismatch");
        CreateFileResponse created = Assets.createFile(client, assetId, "x.png", declared, "MAIN");
        var withoutHeader = Assets.put(created.getUploadUrl(), other, null);
        assertThat(withoutHeader.statusCode()).as(withoutHeader.body()).isEqualTo(403);
        var claimingDeclared = Assets.put(created.getUploadUrl(), other, md5(declared));
        assertThat(claimingDeclared.statusCode()).isEqualTo(400);
        assertThat(claimingDeclared.body()).contains("BadDigest");
        ClientRequestException e = refused(() -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(e.getErrorCode()).isEqualTo("MSS.10001016");
        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetState().getValue()).isEqualTo("CREATING");
        assertThat(file(asset, "MAIN").getState().getValue()).isEqualTo("CREATING");
    }

    /**
     * L3250 "file_md5 | Yes | ... Base64-encoded 128-bit MD5 digest ... The value contains 24 characters". Until issue
     * 13 a missing file_md5 was accepted (on the wrong belief that the 3.1.143 SDK has no such field; its
     * FilesCreateReq has withFileMd5) and this test asserted that the stored bytes then defined it.
     */
    @Test
    @org.junit.jupiter.api.DisplayName("L3250: file_md5 is mandatory")
    void aCreateFileWithoutFileMd5IsRefusedNamingTheField() {
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "no md5 declared");
        ClientRequestException missing = refused(() -> client.createFile(new CreateFileRequest().withBody(
                new FilesCreateReq().withAssetId(assetId).withFileName("x.png").withFileSize(10L).withFileType("png")
                        .withAssetFileCategory("MAIN"))));
        assertThat(missing.getHttpStatusCode()).isEqualTo(400);
        assertThat(missing.getErrorCode()).isEqualTo("MSS.00000003");
        assertThat(missing.getErrorMsg()).contains("file_md5");
        assertThat(refused(() -> createFileDeclaring(assetId, "x.png", 10, "")).getErrorMsg()).contains("file_md5");
        assertThat(refused(() -> createFileDeclaring(assetId, "x.png", 10, "1B2M2Y8AsgTpgAmY7PhCf"))
                .getErrorMsg()).contains("file_md5").contains("24 characters");
    }

    @Test
    void aDeclaredSizeThatDiffersFromTheUploadFailsTheFile() {
        byte[] png = TestMedia.png(64, 64, Color.ORANGE);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "size mismatch");
        CreateFileResponse created = createFileDeclaring(assetId, "x.png", png.length + 10, md5(png));
        assertThat(Assets.put(created.getUploadUrl(), png, md5(png)).statusCode()).isEqualTo(200);
        ClientRequestException e = refused(() -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(e.getErrorMsg()).contains("file_size");
        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetState().getValue()).isEqualTo("FAILED");
        assertFailedMainFile(asset, "file_size");
    }

    @Test
    void completeStatesFailedAndCancelledAreRecorded() {
        byte[] png = TestMedia.png(32, 32, Color.CYAN);
        String cancelled = Assets.create(client, AssetTypeEnum.IMAGE, "cancelled upload");
        CreateFileResponse file = Assets.createFile(client, cancelled, "c.png", png, "MAIN");
        Assets.confirm(client, file.getFileId(), StateEnum.CANCELLED);
        ShowAssetResponse afterCancel = Assets.show(client, cancelled);
        assertThat(afterCancel.getAssetState().getValue()).isEqualTo("CREATING");
        assertThat(file(afterCancel, "MAIN").getState().getValue()).isEqualTo("CANCELLED");
        // The cancelled main file no longer holds the slot.
        Assets.upload(client, cancelled, "again.png", png, "MAIN");
        assertThat(Assets.show(client, cancelled).getAssetState().getValue()).isEqualTo("ACTIVED");

        String failed = Assets.create(client, AssetTypeEnum.IMAGE, "failed upload");
        CreateFileResponse failedFile = Assets.createFile(client, failed, "f.png", png, "MAIN");
        Assets.confirm(client, failedFile.getFileId(), StateEnum.FAILED);
        assertThat(Assets.show(client, failed).getAssetState().getValue()).isEqualTo("FAILED");
    }

    @Test
    void completeIsRefusedForUnknownFilesAlreadyCompletedFilesAndMissingUploads() {
        assertThat(refused(() -> Assets.confirm(client, "no-such-file", StateEnum.CREATED)).getHttpStatusCode())
                .isEqualTo(404);
        byte[] png = TestMedia.png(32, 32, Color.PINK);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "twice");
        CreateFileResponse created = Assets.createFile(client, assetId, "t.png", png, "MAIN");
        ClientRequestException notUploaded = refused(() -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(notUploaded.getErrorCode()).isEqualTo("MSS.10001016");
        Assets.put(created.getUploadUrl(), png, md5(png));
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);
        ClientRequestException twice = refused(() -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(twice.getErrorCode()).isEqualTo("MSS.10001013");
    }

    /**
     * L16677 MSS.10001033 "Too many files are being created ... confirm them or delete unnecessary ones": the limit
     * counts files still CREATING (METASTUDIO_LIMITS_MAX_CREATING_FILES_PER_ASSET, default 100); a settled file frees
     * its place.
     */
    @Test
    @org.junit.jupiter.api.DisplayName("L16677: MSS.10001033 counts the files still being created")
    void tooManyFilesBeingCreatedIsMss10001033AndASettledFileFreesAPlace() {
        String assetId = Assets.create(client, AssetTypeEnum.COMMON_FILE, "many files");
        byte[] one = {1};
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            created.add(Assets.createFile(client, assetId, "part" + i + ".bin", one, "OTHER").getFileId());
        }
        ClientRequestException full = refused(() -> Assets.createFile(client, assetId, "more.bin", one, "OTHER"));
        assertThat(full.getErrorCode()).isEqualTo("MSS.10001033");
        assertThat(full.getErrorMsg()).contains("METASTUDIO_LIMITS_MAX_CREATING_FILES_PER_ASSET");
        Assets.confirm(client, created.get(0), StateEnum.CANCELLED);
        assertThat(Assets.createFile(client, assetId, "more.bin", one, "OTHER").getFileId()).isNotBlank();
    }

    @Test
    void anAssetHasOneMainFileAndTheCategoriesItsTypeAllows() {
        byte[] png = TestMedia.png(32, 32, Color.YELLOW);
        String assetId = Assets.uploaded(client, AssetTypeEnum.IMAGE, "one.png", png);
        assertThat(refused(() -> Assets.createFile(client, assetId, "two.png", png, "MAIN")).getErrorCode())
                .isEqualTo("MSS.10001008");
        ClientRequestException page = refused(() -> Assets.createFile(client, assetId, "p.png", png, "PAGE"));
        assertThat(page.getErrorMsg()).contains("asset_file_category");
        ClientRequestException unknown = refused(() -> Assets.createFile(client, assetId, "p.png", png, "POSTER"));
        assertThat(unknown.getErrorMsg()).contains("asset_file_category");
    }

    @Test
    void unsupportedFormatsOversizeAndBadFieldsAreRefusedNamingTheField() {
        String image = Assets.create(client, AssetTypeEnum.IMAGE, "formats");
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        ClientRequestException format = refused(() -> Assets.createFile(client, image, "notes.txt", bytes, "MAIN"));
        assertThat(format.getErrorCode()).isEqualTo("MSS.10001034");
        ClientRequestException oversize = refused(() -> client.createFile(new CreateFileRequest().withBody(
                new FilesCreateReq().withAssetId(image).withFileName("big.png").withFileType("png")
                        .withFileSize(600L * 1024 * 1024).withFileMd5(ANY_MD5).withAssetFileCategory("MAIN"))));
        assertThat(oversize.getErrorCode()).isEqualTo("MSS.10001024");
        ClientRequestException tooLarge = refused(() -> client.createFile(new CreateFileRequest().withBody(
                new FilesCreateReq().withAssetId(image).withFileName("big.png").withFileType("png")
                        .withFileSize(5_368_709_121L).withFileMd5(ANY_MD5).withAssetFileCategory("MAIN"))));
        assertThat(tooLarge.getErrorMsg()).contains("file_size");
        ClientRequestException badMd5 = refused(() -> client.createFile(new CreateFileRequest().withBody(
                new FilesCreateReq().withAssetId(image).withFileName("a.png").withFileType("png").withFileSize(3L)
                        .withFileMd5("not-an-md5").withAssetFileCategory("MAIN"))));
        assertThat(badMd5.getErrorMsg()).contains("file_md5");
        ClientRequestException noAsset = refused(() -> Assets.createFile(client, "no-such-asset", "a.png", bytes, "MAIN"));
        assertThat(noAsset.getHttpStatusCode()).isEqualTo(404);
        for (String name : List.of("../escape.png", "dir/a.png", "a\\b.png", "..")) {
            ClientRequestException path = refused(() -> Assets.createFile(client, image, name, bytes, "COVER"));
            assertThat(path.getErrorMsg()).as(name).contains("file_name");
        }
    }

    @Test
    @org.junit.jupiter.api.DisplayName("L1458/L3250: file_md5 is 24 characters; the 32-hex spelling of L2152 is accepted and normalised")
    void theReferenceHexMd5SpellingIsAcceptedToo() {
        byte[] png = TestMedia.png(40, 40, Color.MAGENTA);
        String hex = java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(md5(png)));
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "hex md5");
        CreateFileResponse created = client.createFile(new CreateFileRequest().withBody(new FilesCreateReq()
                .withAssetId(assetId).withFileName("h.png").withFileType("png").withFileSize((long) png.length)
                .withFileMd5(hex).withAssetFileCategory("MAIN")));
        assertThat(Assets.put(created.getUploadUrl(), png, md5(png)).statusCode()).isEqualTo(200);
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);
        ShowAssetResponse shown = Assets.show(client, assetId);
        assertThat(shown.getAssetState().getValue()).isEqualTo("ACTIVED");
        // Decision (L3250 and L1458 say 24 characters; the examples at L2152/L2629 print 32 hex digits): the hex
        // spelling is accepted, but the file carries and echoes the documented 24-character Base64 form.
        assertThat(file(shown, "MAIN").getFileMd5()).isEqualTo(md5(png)).hasSize(24);
    }

    @Test
    void largeFilesUploadInPartsAndTheAssembledObjectIsWhatTheAssetGets() {
        String assetId = Assets.create(client, AssetTypeEnum.COMMON_FILE, "large");
        byte[] whole = new byte[3 * 1024 * 1024 + 123];
        new java.util.Random(7).nextBytes(whole);
        CreateLargeFileResponse created = client.createLargeFile(new CreateLargeFileRequest().withBody(
                new LargeFilesCreateReq().withAssetId(assetId).withFileName("model.zip").withFileType("zip")
                        .withFileSize((long) whole.length).withAssetFileCategory("MAIN").withFileMultipartCount(3)));
        assertThat(created.getUploadUrls()).hasSize(3);
        int part = whole.length / 3;
        for (int i = 0; i < 3; i++) {
            byte[] slice = Arrays.copyOfRange(whole, i * part, i == 2 ? whole.length : (i + 1) * part);
            assertThat(Assets.put(created.getUploadUrls().get(i), slice, null).statusCode()).isEqualTo(200);
        }
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);
        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetState().getValue()).isEqualTo("ACTIVED");
        assertThat(Assets.download(file(asset, "MAIN").getDownloadUrl())).isEqualTo(whole);
    }

    @Test
    void aLargeFileWithAMissingPartIsNotConfirmed() {
        String assetId = Assets.create(client, AssetTypeEnum.COMMON_FILE, "large incomplete");
        CreateLargeFileResponse created = client.createLargeFile(new CreateLargeFileRequest().withBody(
                new LargeFilesCreateReq().withAssetId(assetId).withFileName("parts.bin").withFileType("bin")
                        .withAssetFileCategory("MAIN").withFileMultipartCount(2)));
        assertThat(Assets.put(created.getUploadUrls().get(0), new byte[] {1, 2, 3}, null).statusCode()).isEqualTo(200);
        ClientRequestException e = refused(() -> Assets.confirm(client, created.getFileId(), StateEnum.CREATED));
        assertThat(e.getErrorCode()).isEqualTo("MSS.10001016");
        assertThat(e.getErrorMsg()).contains("incomplete");
        assertThat(Assets.put(created.getUploadUrls().get(1), new byte[] {4}, null).statusCode()).isEqualTo(200);
        Assets.confirm(client, created.getFileId(), StateEnum.CREATED);
        assertThat(Assets.download(file(Assets.show(client, assetId), "MAIN").getDownloadUrl()))
                .isEqualTo(new byte[] {1, 2, 3, 4});
        ClientRequestException wrongCategory = refused(() -> client.createLargeFile(new CreateLargeFileRequest().withBody(
                new LargeFilesCreateReq().withAssetId(assetId).withFileName("c.png").withFileType("png")
                        .withAssetFileCategory("COVER").withFileMultipartCount(2))));
        assertThat(wrongCategory.getErrorMsg()).contains("asset_file_category");
        ClientRequestException tooManyParts = refused(() -> client.createLargeFile(new CreateLargeFileRequest().withBody(
                new LargeFilesCreateReq().withAssetId(assetId).withFileName("o.bin").withFileType("bin")
                        .withAssetFileCategory("OTHER").withFileMultipartCount(101))));
        assertThat(tooManyParts.getErrorMsg()).contains("file_multipart_count");
    }

    @Test
    void deletingTheMainFileTakesTheAssetBackToCreating() {
        byte[] png = TestMedia.png(48, 48, Color.LIGHT_GRAY);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "delete file");
        String fileId = Assets.upload(client, assetId, "d.png", png, "MAIN");
        String url = file(Assets.show(client, assetId), "MAIN").getDownloadUrl();
        client.deleteFile(new DeleteFileRequest().withFileId(fileId));
        ShowAssetResponse asset = Assets.show(client, assetId);
        assertThat(asset.getAssetState().getValue()).isEqualTo("CREATING");
        assertThat(asset.getFiles()).noneMatch(f -> f.getFileId().equals(fileId));
        assertThat(Assets.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build()).statusCode())
                .isEqualTo(404);
        assertThat(refused(() -> client.deleteFile(new DeleteFileRequest().withFileId(fileId))).getHttpStatusCode())
                .isEqualTo(404);
    }

    @Test
    void anotherProjectCannotTouchTheFiles() {
        byte[] png = TestMedia.png(20, 20, Color.BLACK);
        String assetId = Assets.create(client, AssetTypeEnum.IMAGE, "isolated files");
        CreateFileResponse created = Assets.createFile(client, assetId, "i.png", png, "MAIN");
        MetaStudioClient other = clientB();
        assertThat(refused(() -> Assets.confirm(other, created.getFileId(), StateEnum.CREATED)).getHttpStatusCode())
                .isEqualTo(404);
        assertThat(refused(() -> Assets.createFile(other, assetId, "i.png", png, "COVER")).getHttpStatusCode())
                .isEqualTo(404);
    }

    /** A MAIN png file whose declared size and MD5 need not match what is uploaded. */
    private CreateFileResponse createFileDeclaring(String assetId, String name, long size, String fileMd5) {
        return client.createFile(new CreateFileRequest().withBody(new FilesCreateReq().withAssetId(assetId)
                .withFileName(name).withFileSize(size).withFileType("png").withFileMd5(fileMd5)
                .withAssetFileCategory("MAIN")));
    }

    /** A well-formed file_md5 (of no bytes) for requests refused for another field. */
    private static final String ANY_MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

    static AssetFileInfo file(ShowAssetResponse asset, String category) {
        return asset.getFiles().stream().filter(f -> category.equals(f.getAssetFileCategory())).findFirst().orElse(null);
    }

    static ClientRequestException refused(Runnable call) {
        ClientRequestException e = catchThrowableOfType(ClientRequestException.class, call::run);
        assertThat(e).as("expected the call to be refused").isNotNull();
        return e;
    }
}
