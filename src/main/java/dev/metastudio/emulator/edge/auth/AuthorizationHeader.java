package dev.metastudio.emulator.edge.auth;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2>, Signature=<hex>} as the SDK writes it. */
public record AuthorizationHeader(String algorithm, String accessKey, List<String> signedHeaders, String signature) {

    public static Optional<AuthorizationHeader> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        String algorithm = trimmed.substring(0, space);
        String access = null;
        String signed = null;
        String signature = null;
        for (String part : trimmed.substring(space + 1).split(",")) {
            String item = part.trim();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = item.substring(eq + 1).trim();
            switch (item.substring(0, eq).trim()) {
                case "Access" -> access = value;
                case "SignedHeaders" -> signed = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        if (access == null || signed == null || signature == null || access.isEmpty() || signed.isEmpty()) {
            return Optional.empty();
        }
        List<String> headers = Arrays.stream(signed.split(";"))
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
        return Optional.of(new AuthorizationHeader(algorithm, access, headers, signature.toLowerCase(Locale.ROOT)));
    }
}
