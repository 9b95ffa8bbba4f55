package dev.metastudio.emulator.edge;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The scheme and authority callers reach this server by, for URLs the emulator hands out (presigned object URLs).
 * {@code metastudio.public-url} overrides it when a proxy or container network makes the request's own Host wrong.
 */
@Component
public class PublicUrl {
    private final String configured;

    public PublicUrl(@Value("${metastudio.public-url:}") String configured) {
        this.configured = configured == null || configured.isBlank() ? null : configured.replaceAll("/+$", "");
    }

    public String of(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.getServerName() + ":" + request.getServerPort();
        }
        return request.getScheme() + "://" + host;
    }

}
