package dev.metastudio.emulator.edge;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring's request-mapping lookup with the path checked first. Every API path starts with a {@code {project_id}}
 * variable, so no request is a direct hit and each one is tried against every mapping; Spring checks a mapping's
 * method, parameters, headers and media types before its path, each through the filters' request wrappers (a quarter
 * of a signed GET's CPU under load, issue 15). A mapping whose path does not match cannot match at all, so this only
 * skips work: the path is the very one Spring's own path condition reads (the request's parsed path, which the
 * canonical-path filter has already decided on), and a mapping whose path matches is judged by Spring as before.
 */
@Component
class PathFirstHandlerMapping implements WebMvcRegistrations {
    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new Mapping();
    }

    static final class Mapping extends RequestMappingHandlerMapping {
        /** The path of the request being looked up, read once instead of once per mapping. */
        private static final ThreadLocal<PathContainer> LOOKUP = new ThreadLocal<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            PathContainer path = ServletRequestPathUtils.hasParsedRequestPath(request)
                    ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null;
            PathContainer outer = LOOKUP.get();
            LOOKUP.set(path);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                if (outer == null) {
                    LOOKUP.remove();
                } else {
                    LOOKUP.set(outer);
                }
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathContainer path = LOOKUP.get();
            PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
            if (path != null && patterns != null && !anyMatches(patterns, path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean anyMatches(PathPatternsRequestCondition patterns, PathContainer path) {
            for (PathPattern pattern : patterns.getPatterns()) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
            return false;
        }
    }
}
