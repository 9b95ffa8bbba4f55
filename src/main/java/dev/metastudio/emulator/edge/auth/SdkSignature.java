package dev.metastudio.emulator.edge.auth;

import dev.metastudio.emulator.edge.PercentDecoding;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code SDK-HMAC-SHA256} algorithm of the official Huawei Cloud SDK, rebuilt from the raw wire request:
 * canonical URI with a slash after every segment, strict RFC 3986 re-encoding of the decoded path and query,
 * headers exactly as named in {@code SignedHeaders}, and the raw SK as the HMAC key.
 */
public final class SdkSignature {
    public static final String ALGORITHM = "SDK-HMAC-SHA256";
    public static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final HexFormat HEX = HexFormat.of();

    private SdkSignature() {
    }

    /** {@code /v1/p/digital-assets} and {@code /v1/p/digital-assets/} both become {@code /v1/p/digital-assets/}. */
    public static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            out.append(encode(decode(segment))).append('/');
        }
        return out.toString();
    }

    /** Keys sorted by their encoded form; a repeated key keeps its values in arrival order. */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            byKey.computeIfAbsent(encode(decode(key)), k -> new ArrayList<>()).add(encode(decode(value)));
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(byKey).forEach((key, values) -> values.forEach(v -> pairs.add(key + "=" + v)));
        return String.join("&", pairs);
    }

    public static String canonicalRequest(String method, String rawPath, String rawQuery, List<String> signedHeaders,
                                          Function<String, String> headerValue, String payloadHash) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            String value = headerValue.apply(name);
            headers.append(name).append(':').append(value == null ? "" : value).append('\n');
        }
        return method.toUpperCase() + "\n"
                + canonicalUri(rawPath) + "\n"
                + canonicalQuery(rawQuery) + "\n"
                + headers + "\n"
                + String.join(";", signedHeaders) + "\n"
                + payloadHash;
    }

    // One instance per thread: the provider look-up of getInstance (reflection) is not paid on every request.
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    public static String stringToSign(String sdkDate, String canonicalRequest) {
        return ALGORITHM + "\n" + sdkDate + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String signature(String secretKey, String stringToSign) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(SHA256.get().digest(bytes));
    }

    /** RFC 3986 strict: only {@code A-Za-z0-9-._~} stay as they are; hex digits upper-case. */
    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decoding as the SDK's signer sees values: {@code +} stays a plus, malformed escapes stay literal. */
    public static String decode(String raw) {
        return PercentDecoding.decode(raw);
    }
}
