package dev.metastudio.emulator.storage.filesystem;

import dev.metastudio.emulator.storage.ObjectKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Presigned URLs for objects the emulator serves itself, in the OBS query style the real API hands out:
 * {@code /_objects/<key>?AccessKeyId=..&Expires=<epoch s>[&partNumber=N&uploadId=..][&MaxLength=<bytes>]
 * [&response-content-disposition=..]&Signature=<Base64 HMAC-SHA256>}. The key is a server secret kept in the
 * database, so every node sharing the database accepts every node's URLs.
 */
public final class ObjectUrlSigner {
    public static final String PATH_PREFIX = "/_objects/";
    public static final String ACCESS_KEY_ID = "AccessKeyId";
    public static final String EXPIRES = "Expires";
    public static final String SIGNATURE = "Signature";
    public static final String PART_NUMBER = "partNumber";
    public static final String UPLOAD_ID = "uploadId";
    public static final String DISPOSITION = "response-content-disposition";
    public static final String MAX_LENGTH = "MaxLength";
    private static final String VERSION = "metastudio-object-url-v1";

    /**
     * Everything a URL grants. A signature covers all of it, so a URL cannot be replayed for another object,
     * method, part, expiry, digest or download name.
     *
     * @param contentMd5  the Content-MD5 the PUT must carry, or null when none is required
     * @param partNumber  the part of a multipart upload, or null for a whole object
     * @param disposition the Content-Disposition a GET answers with, or null
     * @param maxLength   the most bytes a PUT may carry (a single PUT: the file's declared size; a part: the
     *                    declared size of the whole upload), or null for the store's own limit
     */
    public record Grant(String method, String key, long expires, String contentMd5, Integer partNumber,
                        String uploadId, String disposition, Long maxLength) {
    }

    private final Supplier<byte[]> secret;
    private final Clock clock;

    /** {@code secret} is fetched on first use: it lives in the database, which may not be migrated yet. */
    public ObjectUrlSigner(Supplier<byte[]> secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    /** OBS URLs name an access key; ours is derived from the secret, so it changes if the secret does. */
    public String accessKeyId() {
        return HexFormat.of().withUpperCase().formatHex(hmac(VERSION + " access key id")).substring(0, 20);
    }

    public String url(String baseUrl, Grant grant) {
        StringBuilder url = new StringBuilder(stripSlash(baseUrl)).append(PATH_PREFIX)
                .append(ObjectKeys.encodePath(grant.key()))
                .append('?').append(ACCESS_KEY_ID).append('=').append(accessKeyId())
                .append('&').append(EXPIRES).append('=').append(grant.expires());
        if (grant.partNumber() != null) {
            url.append('&').append(PART_NUMBER).append('=').append(grant.partNumber())
                    .append('&').append(UPLOAD_ID).append('=').append(query(grant.uploadId()));
        }
        if (grant.maxLength() != null) {
            url.append('&').append(MAX_LENGTH).append('=').append(grant.maxLength());
        }
        if (grant.disposition() != null) {
            url.append('&').append(DISPOSITION).append('=').append(query(grant.disposition()));
        }
        return url.append('&').append(SIGNATURE).append('=').append(query(sign(grant))).toString();
    }

    public String sign(Grant grant) {
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        for (Object field : new Object[] {grant.method(), grant.key(), grant.expires(), grant.contentMd5(),
                grant.partNumber(), grant.uploadId(), grant.disposition(), grant.maxLength()}) {
            // Length-prefixed, so no field's content can pass for another field's.
            String value = field == null ? "" : field.toString();
            text.append(value.length()).append(':').append(value).append('\n');
        }
        return Base64.getEncoder().encodeToString(hmac(text.toString()));
    }

    /**
     * The grant a request's URL carries, or an {@link ObjectError} as OBS would answer: 403 when the URL is not
     * signed, signed by someone else, altered, used for another object or method, or expired.
     *
     * @param method        {@code GET} or {@code PUT} (a HEAD is checked as the GET it describes)
     * @param contentMd5    the request's Content-MD5 header, or null
     */
    public Grant verify(String method, String key, Function<String, String> params, String contentMd5) {
        String accessKey = params.apply(ACCESS_KEY_ID);
        String expiresText = params.apply(EXPIRES);
        String signature = params.apply(SIGNATURE);
        if (accessKey == null || expiresText == null || signature == null) {
            throw ObjectError.accessDenied("Access Denied: the URL must carry AccessKeyId, Expires and Signature;"
                    + " ask the API for a presigned URL");
        }
        if (!accessKey.equals(accessKeyId())) {
            throw new ObjectError(403, "InvalidAccessKeyId",
                    "The AWS Access Key Id you provided does not exist in our records.");
        }
        long expires;
        Integer partNumber;
        Long maxLength;
        try {
            expires = Long.parseLong(expiresText.trim());
            String part = params.apply(PART_NUMBER);
            partNumber = part == null ? null : Integer.valueOf(part.trim());
            String max = params.apply(MAX_LENGTH);
            maxLength = max == null ? null : Long.valueOf(max.trim());
        } catch (NumberFormatException e) {
            throw ObjectError.accessDenied("Access Denied: Expires, partNumber and MaxLength must be integers");
        }
        // Base64 never holds a space: one here is a '+' that a client failed to percent-encode.
        String presented = signature.replace(' ', '+');
        String uploadId = params.apply(UPLOAD_ID);
        String disposition = params.apply(DISPOSITION);
        Grant withDigest = new Grant(method, key, expires, contentMd5, partNumber, uploadId, disposition, maxLength);
        Grant withoutDigest = new Grant(method, key, expires, null, partNumber, uploadId, disposition, maxLength);
        // A URL signed with a Content-MD5 verifies only with that header; one signed without verifies whatever
        // header comes (the body is still checked against it).
        Grant granted = contentMd5 != null && matches(withDigest, presented) ? withDigest
                : matches(withoutDigest, presented) ? withoutDigest : null;
        if (granted == null) {
            String hint = "PUT".equals(method) && contentMd5 == null
                    ? " Uploads declared with an MD5 must send it as the Content-MD5 header." : "";
            throw ObjectError.signatureDoesNotMatch("The request signature we calculated does not match the"
                    + " signature you provided. Check your key and signing method." + hint);
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw ObjectError.accessDenied("Request has expired");
        }
        return granted;
    }

    /** Constant-time, so response timing does not reveal how much of a forged signature was right. */
    public boolean matches(Grant grant, String signature) {
        byte[] expected = sign(grant).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    private final ThreadLocal<Mac> hmac = new ThreadLocal<>();

    private byte[] hmac(String text) {
        try {
            Mac mac = hmac.get();
            if (mac == null) {
                // Keyed once per thread (the secret never changes): no provider look-up per URL.
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
                hmac.set(mac);
            }
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String query(String value) {
        // URLEncoder writes a space as '+', which some clients keep literally; %20 means the same to everyone.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the filesystem store needs the base URL clients reach the emulator at");
        }
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
