package dev.metastudio.emulator.control.journal;

import java.util.Arrays;
import java.util.Locale;

/**
 * What passed through one direction of a request: always the byte count, and the first {@link #LIMIT} bytes when the
 * content is text (JSON, XML, text/*). Binary bodies (uploads, videos) are only counted, so recording them costs a
 * counter increment per write, not a copy.
 */
final class BodyTap {
    /** The journal keeps JSON bodies up to 64 KB; a larger one is recorded by its size. */
    static final int LIMIT = 64 * 1024;

    private byte[] buffer;
    private int captured;
    private long size;
    private boolean overflow;
    private Boolean text;

    /** Decides once, on the first byte, whether this body is kept; {@code contentType} may be null. */
    void decide(String contentType) {
        if (text == null) {
            text = isText(contentType);
        }
    }

    void write(int b) {
        size++;
        if (keeping(1)) {
            buffer[captured++] = (byte) b;
        }
    }

    void write(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        size += length;
        if (keeping(length)) {
            System.arraycopy(bytes, offset, buffer, captured, length);
            captured += length;
        }
    }

    /** A reset response buffer (an error replacing a half-written answer): start over. */
    void reset() {
        captured = 0;
        size = 0;
        overflow = false;
        text = null;
    }

    long size() {
        return size;
    }

    boolean isText() {
        return Boolean.TRUE.equals(text);
    }

    boolean tooLarge() {
        return overflow;
    }

    /** The kept bytes, or null when nothing was kept (empty, binary or over the limit). */
    byte[] bytes() {
        if (!isText() || overflow || captured == 0) {
            return null;
        }
        return captured == buffer.length ? buffer : Arrays.copyOf(buffer, captured);
    }

    private boolean keeping(int more) {
        if (!Boolean.TRUE.equals(text) || overflow) {
            return false;
        }
        if (captured + more > LIMIT) {
            overflow = true;
            buffer = null;
            return false;
        }
        if (buffer == null) {
            buffer = new byte[Math.min(LIMIT, Math.max(8 * 1024, more))];
        } else if (captured + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(LIMIT, Math.max(buffer.length * 2, captured + more)));
        }
        return true;
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") || type.startsWith("text/") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded");
    }
}
