package dev.metastudio.emulator.storage.s3;

import dev.metastudio.emulator.storage.DownloadNames;
import dev.metastudio.emulator.storage.IncompleteUploadException;
import dev.metastudio.emulator.storage.Md5;
import dev.metastudio.emulator.storage.MultipartUpload;
import dev.metastudio.emulator.storage.ObjectInfo;
import dev.metastudio.emulator.storage.ObjectKeys;
import dev.metastudio.emulator.storage.ObjectStore;
import dev.metastudio.emulator.storage.UrlKeys;
import dev.metastudio.emulator.storage.StorageProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in any S3-compatible store (AWS, MinIO, Ceph, OBS itself): presigned URLs point straight at the
 * store, so uploads and downloads never pass through the emulator. Several emulator nodes can share one bucket.
 */
public class S3ObjectStore implements ObjectStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private volatile boolean bucketReady;

    public S3ObjectStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    /** Clients for the configured store. */
    public static S3ObjectStore connect(StorageProperties.S3 config) {
        config.requireComplete();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        Region region = Region.of(config.region());
        // Checksums only where S3 demands them: the SDK's default CRC32 trailers are refused by many
        // S3-compatible stores, and Content-MD5 already guards the bodies that matter.
        S3ClientBuilder client = S3Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create());
        S3Presigner.Builder presigner = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
        if (config.endpoint() != null) {
            client.endpointOverride(URI.create(config.endpoint()));
            presigner.endpointOverride(URI.create(config.endpoint()));
        }
        return new S3ObjectStore(client.build(), presigner.build(), config.bucket());
    }

    @Override
    public String kind() {
        return "s3";
    }

    /** Creates the bucket unless it exists; other nodes may race to create it, and that is fine. */
    public void ensureBucket() {
        if (bucketReady) {
            return;
        }
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            try {
                s3.createBucket(b -> b.bucket(bucket));
                LOG.info("Created S3 bucket {}", bucket);
            } catch (S3Exception raced) {
                String code = raced.awsErrorDetails() == null ? "" : raced.awsErrorDetails().errorCode();
                if (!"BucketAlreadyOwnedByYou".equals(code) && !"BucketAlreadyExists".equals(code)) {
                    throw raced;
                }
            }
        }
        bucketReady = true;
    }

    @Override
    public String uploadUrl(String key, Duration validity, String contentMd5, Long maxBytes, String baseUrl) {
        if (contentMd5 != null && Md5.parseBase64(contentMd5) == null) {
            throw new IllegalArgumentException("contentMd5 must be the Base64 of a 16-byte MD5: " + contentMd5);
        }
        String normalized = ObjectKeys.normalize(key);
        return presigner.presignPutObject(p -> p.signatureDuration(validity)
                        .putObjectRequest(r -> r.bucket(bucket).key(normalized)
                                .contentMD5(contentMd5 == null ? null : contentMd5.trim())
                                // Signed, so the store refuses a body of any other length.
                                .contentLength(maxBytes)))
                .url().toString();
    }

    /** Path-style ({@code /bucket/key}) and virtual-hosted ({@code bucket.host/key}) URLs of the bucket. */
    /** Presigned S3 URLs cannot be revoked; they stay valid until they expire. */
    @Override
    public void closeUploads(String key) {
        ObjectKeys.normalize(key);
    }

    @Override
    public void reopenUploads(String key) {
        ObjectKeys.normalize(key);
    }

    @Override
    public Optional<String> keyOf(String url) {
        Optional<String> pathStyle = UrlKeys.pathAfter(url, "/" + bucket + "/");
        if (pathStyle.isPresent()) {
            return pathStyle;
        }
        try {
            java.net.URI uri = java.net.URI.create(url);
            if (uri.getHost() != null && uri.getHost().startsWith(bucket + ".")) {
                return UrlKeys.pathAfter(url, "/");
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String downloadUrl(String key, Duration validity, String downloadName, String baseUrl) {
        String normalized = ObjectKeys.normalize(key);
        String disposition = downloadName == null ? null : DownloadNames.contentDisposition(downloadName);
        return presigner.presignGetObject(p -> p.signatureDuration(validity)
                        .getObjectRequest(r -> r.bucket(bucket).key(normalized)
                                .responseContentDisposition(disposition)))
                .url().toString();
    }

    /**
     * The returned upload id is {@code <parts>:<S3 upload id>}: S3 keeps no part count, and without it a missing
     * last part could not be told from a complete upload.
     */
    @Override
    public MultipartUpload startMultipart(String key, int parts, Duration validity, Long maxBytes, String baseUrl) {
        String normalized = ObjectKeys.normalize(key);
        if (parts < 1 || parts > 10_000) {
            throw new IllegalArgumentException("a multipart upload has 1..10000 parts, not " + parts);
        }
        String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(normalized)).uploadId();
        List<String> urls = new ArrayList<>(parts);
        for (int part = 1; part <= parts; part++) {
            int partNumber = part;
            urls.add(presigner.presignUploadPart(p -> p.signatureDuration(validity)
                            .uploadPartRequest(r -> r.bucket(bucket).key(normalized).uploadId(uploadId)
                                    .partNumber(partNumber)))
                    .url().toString());
        }
        return new MultipartUpload(parts + ":" + uploadId, List.copyOf(urls));
    }

    @Override
    public void completeMultipart(String key, String uploadId) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        int colon = uploadId == null ? -1 : uploadId.indexOf(':');
        int parts;
        try {
            parts = Integer.parseInt(uploadId.substring(0, Math.max(colon, 0)));
        } catch (RuntimeException e) {
            throw new IncompleteUploadException("not an upload id of this store: " + uploadId);
        }
        String s3UploadId = uploadId.substring(colon + 1);
        try {
            TreeMap<Integer, String> uploaded = new TreeMap<>();
            for (Part part : s3.listPartsPaginator(r -> r.bucket(bucket).key(normalized).uploadId(s3UploadId))
                    .parts()) {
                uploaded.put(part.partNumber(), part.eTag());
            }
            List<Integer> missing = new ArrayList<>();
            List<CompletedPart> completed = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                String etag = uploaded.get(part);
                if (etag == null) {
                    missing.add(part);
                } else {
                    completed.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
                }
            }
            if (!missing.isEmpty()) {
                throw new IncompleteUploadException("multipart upload of " + normalized + " lacks part(s) "
                        + missing + " of " + parts);
            }
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(normalized).uploadId(s3UploadId)
                    .multipartUpload(m -> m.parts(completed)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 400) {
                // NoSuchUpload, EntityTooSmall, InvalidPart: what the uploader sent cannot make the object.
                throw new IncompleteUploadException("multipart upload of " + normalized + " cannot complete: "
                        + describe(e), e);
            }
            throw failure("complete the multipart upload of " + normalized, e);
        } catch (SdkException e) {
            throw failure("complete the multipart upload of " + normalized, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(normalized));
            return Optional.of(new ObjectInfo(head.contentLength(), Md5.fromEtag(head.eTag())));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("stat " + normalized, e);
        } catch (SdkException e) {
            throw failure("stat " + normalized, e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        try {
            return s3.getObject(r -> r.bucket(bucket).key(normalized));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(normalized);
        } catch (SdkException e) {
            throw failure("read " + normalized, e);
        }
    }

    /** A copy under {@code scratchDir}, named with the key's extension (FFmpeg guesses formats from it). */
    @Override
    public Path localFile(String key, Path scratchDir) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        String name = ObjectKeys.fileName(normalized);
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        Files.createDirectories(scratchDir);
        Path target = scratchDir.resolve(UUID.randomUUID() + extension);
        try {
            s3.getObject(r -> r.bucket(bucket).key(normalized), ResponseTransformer.toFile(target));
            return target;
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(normalized);
        } catch (SdkException e) {
            Files.deleteIfExists(target);
            throw failure("download " + normalized, e);
        }
    }

    /** Sends Content-MD5, so the store itself vouches that what it keeps is what the emulator produced. */
    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        String md5 = md5Of(file);
        try {
            s3.putObject(r -> r.bucket(bucket).key(normalized).contentType(contentType).contentMD5(md5),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("store " + normalized, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String normalized = ObjectKeys.normalize(key);
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(normalized));
            abortUploads(normalized);
        } catch (SdkException e) {
            throw failure("delete " + normalized, e);
        }
    }

    private void abortUploads(String key) {
        try {
            for (software.amazon.awssdk.services.s3.model.MultipartUpload upload
                    : s3.listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(key)).uploads()) {
                if (key.equals(upload.key())) {
                    s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload.uploadId()));
                }
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw e;
            }
            // Stores that cannot list uploads expire them by their own lifecycle rules.
        }
    }

    private static String md5Of(Path file) throws IOException {
        MessageDigest md5 = Md5.newDigest();
        byte[] buffer = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                md5.update(buffer, 0, n);
            }
        }
        return Md5.base64(md5.digest());
    }

    private IOException failure(String action, SdkException e) {
        return new IOException("S3 bucket " + bucket + ": cannot " + action + ": " + describe(e), e);
    }

    private static String describe(SdkException e) {
        if (e instanceof S3Exception s3e && s3e.awsErrorDetails() != null) {
            return s3e.awsErrorDetails().errorCode() + " " + s3e.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
