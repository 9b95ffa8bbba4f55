package dev.metastudio.emulator.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides what a key may be. Keys come from the emulator, but they end up as file paths and
 * in URLs, so anything that could escape the store's root is refused rather than repaired.
 */
public final class ObjectKeys {
    /** S3's limit, so a key valid here is valid on every store. */
    public static final int MAX_KEY_BYTES = 1024;

    private ObjectKeys() {
    }

    /**
     * The canonical form of {@code key}: {@code "."} and empty segments dropped. Throws
     * {@link IllegalArgumentException} for {@code ..} segments, absolute paths, backslashes and control characters.
     */
    public static String normalize(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("object key is empty");
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("object key must be relative: " + printable(key));
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("object key contains a backslash or control character: "
                        + printable(key));
            }
        }
        List<String> segments = new ArrayList<>();
        for (String segment : key.split("/")) {
            if (segment.equals("..")) {
                throw new IllegalArgumentException("object key must not contain '..': " + printable(key));
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("object key names no object: " + printable(key));
        }
        String normalized = String.join("/", segments);
        if (normalized.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("object key is longer than " + MAX_KEY_BYTES + " bytes");
        }
        return normalized;
    }

    /**
     * {@code root/key} for a normalized key, checked once more against the resolved path so that a platform's
     * own path rules (drive letters, reserved names) cannot take it outside {@code root}.
     */
    public static Path resolve(Path root, String key) {
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(normalize(key)).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw new IllegalArgumentException("object key escapes the store: " + printable(key));
        }
        return resolved;
    }

    /**
     * The key as a URL path: each segment percent-encoded (everything but RFC 3986 unreserved characters), the
     * slashes kept, since servlet containers refuse an encoded slash.
     */
    public static String encodePath(String key) {
        StringBuilder out = new StringBuilder(key.length() + 16);
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** The last segment, e.g. for a download's file name or a scratch copy's extension. */
    public static String fileName(String key) {
        String normalized = normalize(key);
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    private static String printable(String key) {
        StringBuilder out = new StringBuilder();
        key.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return "'" + out + "'";
    }
}
