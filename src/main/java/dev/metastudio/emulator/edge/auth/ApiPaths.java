package dev.metastudio.emulator.edge.auth;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests the gateway authenticates, and the project a path names. */
public final class ApiPaths {
    private ApiPaths() {
    }

    /** MetaStudio APIs under /v1 and the IAM project query; token creation itself is anonymous. */
    public static boolean authenticated(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/v1/")) {
            return true;
        }
        if (path.startsWith("/v3/")) {
            return !("POST".equals(request.getMethod()) && path.equals("/v3/auth/tokens"));
        }
        return false;
    }

    /** The {@code {project_id}} of {@code /v1/{project_id}/...}, decoded; null when the path has none. */
    public static String projectOf(String requestUri) {
        if (!requestUri.startsWith("/v1/")) {
            return null;
        }
        int end = requestUri.indexOf('/', 4);
        String raw = end < 0 ? requestUri.substring(4) : requestUri.substring(4, end);
        return raw.isEmpty() ? null : SdkSignature.decode(raw);
    }
}
