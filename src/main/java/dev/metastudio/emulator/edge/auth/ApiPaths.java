package dev.metastudio.emulator.edge.auth;

import dev.metastudio.emulator.edge.CanonicalPath;
import jakarta.servlet.http.HttpServletRequest;

/** Which requests the gateway authenticates, decided on the {@link CanonicalPath}. */
public final class ApiPaths {
    private static final String TOKEN_CREATION = "/v3/auth/tokens";

    private ApiPaths() {
    }

    /** MetaStudio APIs under /v1 and the IAM project query; token creation itself is anonymous. */
    public static boolean authenticated(HttpServletRequest request) {
        CanonicalPath path = CanonicalPath.of(request);
        if (path.isUnder(CanonicalPath.API)) {
            // A live job's live_event_report_url carries its own credentials (auth_key, expires_time, reference
            // 6.2.7): called without IAM headers, the live job module checks them instead.
            return !("POST".equals(request.getMethod()) && path.value().endsWith("/live-event-report")
                    && request.getParameter("auth_key") != null && request.getHeader("Authorization") == null
                    && request.getHeader("X-Auth-Token") == null);
        }
        if (path.isUnder(CanonicalPath.IAM)) {
            return !("POST".equals(request.getMethod()) && path.value().equals(TOKEN_CREATION));
        }
        return false;
    }

    /** The decoded {@code {project_id}} of {@code /v1/{project_id}/...}; null when the path has none. */
    public static String projectOf(HttpServletRequest request) {
        return CanonicalPath.of(request).apiProjectId();
    }
}
