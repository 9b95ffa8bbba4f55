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
            return true;
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
