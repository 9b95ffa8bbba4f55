package dev.metastudio.emulator.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code auth_type=MSS_A}. The callback table (L5688) gives only
 * {@code secret=hmac_sha256(key, URI(callback_url) + time_stamp)&time_stamp=hex(timestamp)}; the reference's one
 * worked example of the same scheme (7.1.1, L11837-L11880) pins what that formula leaves open, and the emulator
 * follows the example, so a receiver written to the documentation verifies every callback:
 * <ul>
 *   <li>{@code timestamp}: Unix epoch <em>milliseconds</em> when the attempt is sent ({@code System.currentTimeMillis()},
 *       L11859; each retry is signed afresh);</li>
 *   <li>the HMAC-SHA256 message: the UTF-8 bytes of {@code callback_url} exactly as configured (before anything is
 *       appended; {@code URI.create(url).toString()} is the same string) followed by that timestamp in
 *       <em>decimal</em> (L11860: {@code uri.toString() + currentTimeMillis});</li>
 *   <li>the key: the UTF-8 bytes of {@code key}; {@code secret}: the HMAC in lower-case hexadecimal (L11866);</li>
 *   <li>{@code time_stamp}: the same milliseconds in lower-case hexadecimal (L11867 {@code Long.toHexString},
 *       L11880 "in hexadecimal format, in millisecond");</li>
 *   <li>both are appended as URL-encoded query parameters, {@code secret} first (L11869): after {@code ?} when the
 *       URL has no query yet, after {@code &} when it has one.</li>
 * </ul>
 * Example (L11856-L11869): key {@code huawei_metaStudio}, URL {@code https://metastudio-llm/digital-human/chat},
 * 1744612873350 ms is called as {@code ...chat?secret=a02fc321...d793e&time_stamp=1963307d486}.
 */
final class MssaSignature {
    private MssaSignature() {
    }

    /** Live event callbacks' MSS_A_HEAD (Table 6-31): the signature header, the HMAC as {@link #secret}. */
    static final String SECRET_HEADER = "x-hw-mss-secret";
    /** Live event callbacks' MSS_A_HEAD (Table 6-31): the time header, as {@link #timeStamp}. */
    static final String TIME_HEADER = "x-hw-mss-time";

    /** The URL to call: the configured one with {@code secret} and {@code time_stamp} appended. */
    static String signedUrl(String callbackUrl, String key, long epochMillis) {
        return signedUrl(callbackUrl, key, epochMillis, "secret", "time_stamp");
    }

    /**
     * The same signature under other query names: a live event callback's MSS_A (Table 6-31) writes
     * {@code hwSecret=hmac_sha256(Key, URI(live_event_callback_url) + hwTime)&hwTime=hex(timestamp)}, the video
     * callbacks' formula with the parameters renamed, so it is read the same way (7.1.1's worked example).
     */
    static String signedUrl(String callbackUrl, String key, long epochMillis, String secretName, String timeName) {
        String separator = callbackUrl.endsWith("?") || callbackUrl.endsWith("&") ? ""
                : callbackUrl.indexOf('?') >= 0 ? "&" : "?";
        return callbackUrl + separator
                + secretName + "=" + URLEncoder.encode(secret(callbackUrl, key, epochMillis), StandardCharsets.UTF_8)
                + "&" + timeName + "=" + URLEncoder.encode(timeStamp(epochMillis), StandardCharsets.UTF_8);
    }

    /**
     * MSS_A_HEAD (Table 6-31): {@code x-hw-mss-secret=hmac_sha256(Key, URI(live_event_callback_url) + hwTime)} and
     * {@code x-hw-mss-time=hex(timestamp)}, the values of {@link #secret} and {@link #timeStamp}; the URL is called as
     * configured. In order: secret header, its value, time header, its value.
     */
    static String[] signedHeaders(String callbackUrl, String key, long epochMillis) {
        return new String[] {SECRET_HEADER, secret(callbackUrl, key, epochMillis), TIME_HEADER, timeStamp(epochMillis)};
    }

    /** The {@code time_stamp} parameter: epoch milliseconds in lower-case hexadecimal. */
    static String timeStamp(long epochMillis) {
        return Long.toHexString(epochMillis);
    }

    /** Lower-case hex HMAC-SHA256 of {@code callbackUrl + decimal epochMillis} under {@code key}, all UTF-8. */
    static String secret(String callbackUrl, String key, long epochMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((callbackUrl + epochMillis).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java runtime; reaching this is a broken JDK.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
