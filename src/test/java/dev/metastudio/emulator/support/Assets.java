package dev.metastudio.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.metastudio.v1.MetaStudioClient;
import com.huaweicloud.sdk.metastudio.v1.model.ConfirmFileUploadRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ConfirmFileUploadRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateDigitalAssetRequestBody;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileRequest;
import com.huaweicloud.sdk.metastudio.v1.model.CreateFileResponse;
import com.huaweicloud.sdk.metastudio.v1.model.FilesCreateReq;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetRequest;
import com.huaweicloud.sdk.metastudio.v1.model.ShowAssetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Consumer;

/** The upload handshake as an integrator writes it: the SDK for the API, raw HTTP for the presigned PUT. */
public final class Assets {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Assets() {
    }

    public static String create(MetaStudioClient client, CreateDigitalAssetRequestBody.AssetTypeEnum type, String name) {
        return create(client, type, name, body -> { });
    }

    public static String create(MetaStudioClient client, CreateDigitalAssetRequestBody.AssetTypeEnum type, String name,
                                Consumer<CreateDigitalAssetRequestBody> customise) {
        CreateDigitalAssetRequestBody body = new CreateDigitalAssetRequestBody().withAssetName(name).withAssetType(type);
        customise.accept(body);
        return client.createDigitalAsset(new CreateDigitalAssetRequest().withBody(body)).getAssetId();
    }

    public static CreateFileResponse createFile(MetaStudioClient client, String assetId, String fileName, byte[] bytes,
                                                String category) {
        return client.createFile(new CreateFileRequest().withBody(new FilesCreateReq()
                .withAssetId(assetId).withFileName(fileName).withFileSize((long) bytes.length)
                .withFileMd5(md5(bytes)).withAssetFileCategory(category).withFileType(extension(fileName))));
    }

    public static HttpResponse<String> put(String url, byte[] bytes, String contentMd5) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentMd5 != null) {
            request.header("Content-MD5", contentMd5);
        }
        return send(request.build());
    }

    public static void confirm(MetaStudioClient client, String fileId, ConfirmFileUploadRequestBody.StateEnum state) {
        client.confirmFileUpload(new ConfirmFileUploadRequest().withFileId(fileId)
                .withBody(new ConfirmFileUploadRequestBody().withState(state)));
    }

    /** Create a file, PUT the bytes with their Content-MD5, confirm CREATED; returns the file id. */
    public static String upload(MetaStudioClient client, String assetId, String fileName, byte[] bytes, String category) {
        CreateFileResponse created = createFile(client, assetId, fileName, bytes, category);
        HttpResponse<String> put = put(created.getUploadUrl(), bytes, md5(bytes));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        confirm(client, created.getFileId(), ConfirmFileUploadRequestBody.StateEnum.CREATED);
        return created.getFileId();
    }

    /** A usable asset with its main file uploaded. */
    public static String uploaded(MetaStudioClient client, CreateDigitalAssetRequestBody.AssetTypeEnum type,
                                  String fileName, byte[] bytes) {
        String assetId = create(client, type, "fixture " + fileName + " " + UUID.randomUUID());
        upload(client, assetId, fileName, bytes, "MAIN");
        return assetId;
    }

    public static ShowAssetResponse show(MetaStudioClient client, String assetId) {
        return client.showAsset(new ShowAssetRequest().withAssetId(assetId));
    }

    public static byte[] download(String url) {
        HttpResponse<byte[]> response = sendBytes(HttpRequest.newBuilder(URI.create(url)).GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : fileName.substring(dot + 1);
    }
}
