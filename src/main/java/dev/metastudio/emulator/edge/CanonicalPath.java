package dev.metastudio.emulator.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The one spelling of a request path that every decision uses. Servlet filters see the raw URI
 * ({@code /%761/p/x}, {@code /v1;a/p/x}) while Spring MVC routes the decoded path with {@code ;} parameters removed
 * ({@code /v1/p/x}): if the two could differ, a filter testing {@code startsWith("/v1/")} would let a request through
 * that the router then serves as a /v1 call. So a path is accepted only when its raw form already is the canonical
 * one, and then the raw string, the decoded segments and the router agree:
 * <ul>
 *   <li>no {@code ;} (path parameters), no empty segment ({@code //}), no {@code .} or {@code ..} segment;</li>
 *   <li>every {@code %} starts a valid escape, and no escape stands for an unreserved character
 *       ({@code A-Za-z0-9-._~}, which must be written as itself), for {@code /}, {@code \}, NUL or any other control
 *       character;</li>
 *   <li>no literal {@code \}.</li>
 * </ul>
 * {@link CanonicalPathFilter} refuses every other path with 400 before any other filter runs and stores the result in
 * the request; filters read it with {@link #of(HttpServletRequest)} and test it with {@link #isUnder(String)}.
 */
public final class CanonicalPath {
    static final String ATTRIBUTE = CanonicalPath.class.getName();
    public static final String API = "/v1";
    public static final String IAM = "/v3";
    public static final String CONTROL_PLANE = "/_emulator";
    public static final String OBJECTS = "/_objects";

    private final String value;

    private CanonicalPath(String value) {
        this.value = value;
    }

    /**
     * The request's canonical path (without the context path). Set by {@link CanonicalPathFilter}; computed here when
     * the filter has not run (a filter ordered before it, a test without the filter chain). A path that is not
     * canonical then fails the request: no rule may decide on a spelling the router reads differently.
     */
    public static CanonicalPath of(HttpServletRequest request) {
        Object stored = request.getAttribute(ATTRIBUTE);
        if (stored instanceof CanonicalPath path) {
            return path;
        }
        String raw = rawPath(request);
        Optional<String> problem = problem(raw);
        if (problem.isPresent()) {
            throw new IllegalStateException("a rule asked for the path of a request that is not canonical ("
                    + problem.get() + "); CanonicalPathFilter must run before it");
        }
        return new CanonicalPath(raw);
    }

    /** Why {@code rawPath} (a request URI without query) is not canonical, or empty when it is. */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.of("the path must start with '/'");
        }
        int segmentStart = 1;
        for (int i = 1; i <= rawPath.length(); i++) {
            if (i == rawPath.length() || rawPath.charAt(i) == '/') {
                String segment = rawPath.substring(segmentStart, i);
                boolean last = i == rawPath.length();
                if (segment.isEmpty() && !last) {
                    return Optional.of("the path has an empty segment ('//')");
                }
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.of("the path has a dot segment ('" + segment + "')");
                }
                segmentStart = i + 1;
                continue;
            }
            char c = rawPath.charAt(i);
            if (c == ';') {
                return Optional.of("the path has a ';' parameter");
            }
            if (c == '\\') {
                return Optional.of("the path has a backslash");
            }
            if (c < 0x21 || c >= 0x7f) {
                return Optional.of("the path has a raw control, space or non-ASCII character");
            }
            if (c == '%') {
                int decoded = i + 2 < rawPath.length() ? hexByte(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return Optional.of("the path has a malformed percent escape");
                }
                if (unreserved(decoded)) {
                    return Optional.of("the path spells the unreserved character '" + (char) decoded
                            + "' as " + rawPath.substring(i, i + 3));
                }
                if (decoded == '/' || decoded == '\\' || decoded < 0x20 || decoded == 0x7f) {
                    return Optional.of("the path has an encoded '/', '\\', NUL or control character ("
                            + rawPath.substring(i, i + 3) + ")");
                }
                i += 2;
            }
        }
        return Optional.empty();
    }

    /** The path as the router sees it, segment for segment (still percent-encoded where the client encoded). */
    public String value() {
        return value;
    }

    /** Whether the path is {@code prefix} itself or below it, segment-wise: {@code /v1} covers /v1/x, not /v10. */
    public boolean isUnder(String prefix) {
        String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return value.equals(bare) || value.startsWith(bare + "/");
    }

    /** The decoded {@code {project_id}} of {@code /v1/{project_id}/...}, or null when the path names none. */
    public String apiProjectId() {
        if (!isUnder(API) || value.length() <= API.length() + 1) {
            return null;
        }
        int start = API.length() + 1;
        int end = value.indexOf('/', start);
        String raw = end < 0 ? value.substring(start) : value.substring(start, end);
        return raw.isEmpty() ? null : PercentDecoding.decode(raw);
    }

    @Override
    public String toString() {
        return value;
    }

    static CanonicalPath accepted(String rawPath) {
        return new CanonicalPath(rawPath);
    }

    static String rawPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hexByte(char high, char low) {
        int h = PercentDecoding.hexDigit(high);
        int l = PercentDecoding.hexDigit(low);
        return h < 0 || l < 0 ? -1 : h << 4 | l;
    }
}
