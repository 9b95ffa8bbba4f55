package dev.metastudio.emulator.edge;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** {@code X-App-UserId}: the integrator's own user id, stored with what the call creates (1-128 characters). */
public final class AppUserIds {
    public static final String HEADER = "X-App-UserId";
    public static final int MAX_LENGTH = 128;
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private AppUserIds() {
    }

    /** The header's value, or null when absent or empty; 400 naming the header when it breaks the rules. */
    public static String check(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        // Servlet containers decode header bytes as ISO-8859-1; undo that to see the UTF-8 the client sent.
        String sent = new String(header.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        if (HAN.matcher(sent).find() || HAN.matcher(header).find()) {
            throw ApiException.invalid(HEADER, "must not contain Chinese characters");
        }
        if (header.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.invalid(HEADER, "must not contain control characters");
        }
        return Check.length(header, 1, MAX_LENGTH, HEADER);
    }
}
