package dev.metastudio.emulator.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding as the SDK's signer sees values: {@code +} stays a plus, malformed escapes stay literal. */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    public static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int high = i + 2 < bytes.length ? hexDigit((char) bytes[i + 1]) : -1;
            int low = i + 2 < bytes.length ? hexDigit((char) bytes[i + 2]) : -1;
            if (bytes[i] == '%' && high >= 0 && low >= 0) {
                out.write(high << 4 | low);
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The value of an ASCII hex digit, or -1 (unlike {@link Character#digit}, no other scripts' digits). */
    public static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
