package dev.metastudio.emulator.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code auth_type=MSS_A}. The reference gives only
 * {@code secret=hmac_sha256(key, URI(callback_url) + time_stamp)&time_stamp=hex(timestamp)}; the emulator fills in
 * what it leaves open as follows, so a receiver can verify exactly:
 * <ul>
 *   <li>{@code timestamp}: Unix epoch seconds when the attempt is sent (each retry is signed afresh);</li>
 *   <li>{@code time_stamp}: that number in lower-case hexadecimal, e.g. {@code 65f1a200};</li>
 *   <li>the HMAC-SHA256 key: the UTF-8 bytes of {@code key};</li>
 *   <li>the message: the UTF-8 bytes of {@code callback_url} exactly as configured (before anything is appended)
 *       followed by the {@code time_stamp} string;</li>
 *   <li>{@code secret}: the HMAC in lower-case hexadecimal;</li>
 *   <li>both are appended as URL-encoded query parameters, {@code secret} first: after {@code ?} when the URL has
 *       no query yet, after {@code &} when it has one.</li>
 * </ul>
 * Example: key {@code k3y-Secret}, URL {@code https://receiver.example/cb?token=abc}, epoch 1710334464 is called
 * as {@code https://receiver.example/cb?token=abc&secret=36b47c84...d231&time_stamp=65f1a200}.
 */
final class MssaSignature {
    private MssaSignature() {
    }

    /** The URL to call: the configured one with {@code secret} and {@code time_stamp} appended. */
    static String signedUrl(String callbackUrl, String key, long epochSeconds) {
        String timeStamp = timeStamp(epochSeconds);
        String separator = callbackUrl.endsWith("?") || callbackUrl.endsWith("&") ? ""
                : callbackUrl.indexOf('?') >= 0 ? "&" : "?";
        return callbackUrl + separator
                + "secret=" + URLEncoder.encode(secret(callbackUrl, key, timeStamp), StandardCharsets.UTF_8)
                + "&time_stamp=" + URLEncoder.encode(timeStamp, StandardCharsets.UTF_8);
    }

    static String timeStamp(long epochSeconds) {
        return Long.toHexString(epochSeconds);
    }

    /** Lower-case hex HMAC-SHA256 of {@code callbackUrl + timeStamp} under {@code key}, all UTF-8. */
    static String secret(String callbackUrl, String key, String timeStamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((callbackUrl + timeStamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java runtime; reaching this is a broken JDK.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
