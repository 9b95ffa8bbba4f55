package dev.metastudio.emulator.control.journal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the journal never keeps: signatures, tokens and cookies. A signed {@code Authorization} header keeps its
 * algorithm, access key and signed headers (what a developer needs to see why a signature failed) and loses the
 * signature; a presigned URL's query loses its signature the same way.
 */
final class Secrets {
    static final String MASK = "****";
    private static final Set<String> SECRET_HEADERS = Set.of("x-auth-token", "x-security-token", "x-subject-token",
            "cookie", "set-cookie", "proxy-authorization", "x-amz-security-token", "x-obs-security-token");
    private static final Set<String> SECRET_QUERY = Set.of("signature", "x-amz-signature", "x-amz-security-token",
            "x-obs-security-token");
    private static final Pattern SIGNATURE = Pattern.compile("(?i)(signature=)[^,\\s]*");

    private Secrets() {
    }

    /** The header's value as the journal shows it ({@code name} in lower case). */
    static String header(String name, String value) {
        if (value == null) {
            return null;
        }
        if (name.equals("authorization")) {
            return authorization(value);
        }
        return SECRET_HEADERS.contains(name) ? MASK : value;
    }

    private static String authorization(String value) {
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (scheme.toUpperCase(Locale.ROOT).startsWith("SDK-HMAC")) {
            return SIGNATURE.matcher(value).replaceAll("$1" + MASK);
        }
        return space < 0 ? MASK : scheme + " " + MASK;
    }

    /** The raw query with secret parameters' values masked; null stays null. */
    static String query(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        String lower = query.toLowerCase(Locale.ROOT);
        if (SECRET_QUERY.stream().noneMatch(lower::contains)) {
            return query;
        }
        StringBuilder masked = new StringBuilder(query.length());
        for (String pair : query.split("&", -1)) {
            if (masked.length() > 0) {
                masked.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            masked.append(eq >= 0 && SECRET_QUERY.contains(name.toLowerCase(Locale.ROOT)) ? name + "=" + MASK : pair);
        }
        return masked.toString();
    }
}
