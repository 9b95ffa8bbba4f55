package dev.metastudio.emulator.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A syntactically checked {@code callback_url}: an absolute http or https URL with a host and no fragment.
 *
 * @param uri     the URL as configured
 * @param host    the host, lower-case, without IPv6 brackets or a trailing dot
 * @param literal the address when the host is an IP literal, otherwise null (a name, not resolved here)
 */
record CallbackTarget(URI uri, String host, InetAddress literal) {
    /** The documented 0-2,048 characters of callback URLs elsewhere in the reference (live event callbacks). */
    static final int MAX_LENGTH = 2048;

    /** Parses a URL; {@code IllegalArgumentException} with a message completing "callback_url ..." when unusable. */
    static CallbackTarget parse(String url) {
        if (url.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters long, got " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("must be an absolute http or https URL, got "
                    + (scheme == null ? "no scheme" : "scheme '" + uri.getScheme() + "'"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI leaves the host empty for names it cannot parse, e.g. with '_' in them.
            throw new IllegalArgumentException("must name a valid host, e.g. http://receiver.example:8080/path");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not contain a fragment (#...): it is never sent to the receiver");
        }
        String host = normalize(uri.getHost());
        InetAddress literal = null;
        if (IpLiterals.looksLiteral(host)) {
            try {
                literal = IpLiterals.parse(host);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("has an invalid IP address as its host: " + e.getMessage());
            }
        }
        return new CallbackTarget(uri, host, literal);
    }

    /** Host names compare case-insensitively, and {@code example.com.} is {@code example.com}. */
    static String normalize(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.toLowerCase(Locale.ROOT);
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }
}
