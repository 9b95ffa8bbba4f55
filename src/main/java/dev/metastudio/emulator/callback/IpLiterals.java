package dev.metastudio.emulator.callback;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Turns IP literals into addresses without ever asking DNS. {@link InetAddress#getByName} falls back to a DNS lookup
 * for anything that is not a well-formed literal (e.g. {@code 999.1.1.1}), which must not happen while validating a
 * request, so IPv4 is parsed here and IPv6 is parsed in brackets, where the JDK insists on a literal.
 */
final class IpLiterals {
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IpLiterals() {
    }

    /** Whether the text is meant as an IP literal (dotted quad or anything with a colon), valid or not. */
    static boolean looksLiteral(String text) {
        return DOTTED_QUAD.matcher(text).matches() || text.indexOf(':') >= 0;
    }

    /** The address of a literal, optionally in brackets; {@code IllegalArgumentException} when malformed. */
    static InetAddress parse(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (DOTTED_QUAD.matcher(bare).matches()) {
            String[] parts = bare.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    throw new IllegalArgumentException("'" + text + "' is not a valid IPv4 address");
                }
                bytes[i] = (byte) value;
            }
            return byAddress(bytes, text);
        }
        if (bare.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName("[" + bare + "]");
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + text + "' is not a valid IPv6 address");
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an IP address");
    }

    private static InetAddress byAddress(byte[] bytes, String text) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid IP address");
        }
    }
}
