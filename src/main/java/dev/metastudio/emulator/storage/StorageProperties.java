package dev.metastudio.emulator.storage;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code metastudio.storage.*}: where objects live and how long presigned URLs stay valid. Every key is settable
 * by environment variable ({@code METASTUDIO_STORAGE_TYPE}, {@code METASTUDIO_STORAGE_UPLOAD_URL_VALIDITY},
 * {@code METASTUDIO_STORAGE_S3_ENDPOINT}, ...).
 *
 * @param type                 {@code filesystem} (objects under the data folder, URLs served by the emulator)
 *                             or {@code s3} (any S3-compatible store, URLs point at the store)
 * @param uploadUrlValidity    how long an upload URL works; the reference documents 24 h
 * @param downloadUrlValidity  how long a download URL works; the reference documents 24 h
 */
@ConfigurationProperties("metastudio.storage")
public record StorageProperties(String type, Duration uploadUrlValidity, Duration downloadUrlValidity, S3 s3) {
    public static final String FILESYSTEM = "filesystem";
    public static final String S3_TYPE = "s3";
    static final Duration DOCUMENTED_VALIDITY = Duration.ofHours(24);

    public StorageProperties {
        type = type == null || type.isBlank() ? FILESYSTEM : type.trim().toLowerCase(Locale.ROOT);
        if (!type.equals(FILESYSTEM) && !type.equals(S3_TYPE)) {
            throw new IllegalArgumentException(
                    "metastudio.storage.type must be 'filesystem' or 's3', not '" + type + "'");
        }
        uploadUrlValidity = positive(uploadUrlValidity, "upload-url-validity");
        downloadUrlValidity = positive(downloadUrlValidity, "download-url-validity");
        s3 = s3 == null ? new S3(null, null, null, null, null, null) : s3;
    }

    /**
     * @param endpoint  the store's URL, e.g. {@code http://minio:9000}; empty means AWS itself
     * @param pathStyle {@code http://host/bucket/key} rather than {@code http://bucket.host/key}; most
     *                  self-hosted stores want path style, hence the default
     */
    public record S3(String endpoint, String region, String bucket, String accessKey, String secretKey,
                     Boolean pathStyle) {
        public S3 {
            endpoint = blankToNull(endpoint);
            region = region == null || region.isBlank() ? "us-east-1" : region.trim();
            bucket = blankToNull(bucket);
            accessKey = blankToNull(accessKey);
            secretKey = blankToNull(secretKey);
            pathStyle = pathStyle == null || pathStyle;
        }

        /** Checked only when the S3 store is chosen, so the filesystem default needs none of it. */
        public void requireComplete() {
            StringBuilder missing = new StringBuilder();
            if (bucket == null) {
                missing.append(" METASTUDIO_STORAGE_S3_BUCKET");
            }
            if (accessKey == null) {
                missing.append(" METASTUDIO_STORAGE_S3_ACCESS_KEY");
            }
            if (secretKey == null) {
                missing.append(" METASTUDIO_STORAGE_S3_SECRET_KEY");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("metastudio.storage.type=s3 needs" + missing);
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private static Duration positive(Duration value, String name) {
        if (value == null) {
            return DOCUMENTED_VALIDITY;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("metastudio.storage." + name + " must be positive, not " + value);
        }
        return value;
    }
}
