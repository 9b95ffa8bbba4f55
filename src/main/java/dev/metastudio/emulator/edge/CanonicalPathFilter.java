package dev.metastudio.emulator.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Right after the request id, before every other filter: a path that is not in its {@link CanonicalPath canonical}
 * spelling is refused with 400 in the envelope, and an accepted one is stored for the filters and controllers after.
 * Every filter must decide on {@link CanonicalPath#of}, never on {@code getRequestURI()} or {@code getServletPath()}.
 */
@Component
@Order(CanonicalPathFilter.ORDER)
public class CanonicalPathFilter extends OncePerRequestFilter {
    /** Filters that decide on the path must come after this one, i.e. have a larger order. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = CanonicalPath.rawPath(request);
        Optional<String> problem = CanonicalPath.problem(raw);
        if (problem.isPresent()) {
            ErrorWriter.write(response, 400, ErrorEnvelope.of(ErrorCodes.INVALID_PARAMETER,
                    "Invalid parameter: request path is not in canonical form: " + problem.get()
                            + "; send each segment as the API spells it"));
            return;
        }
        request.setAttribute(CanonicalPath.ATTRIBUTE, CanonicalPath.accepted(raw));
        chain.doFilter(request, response);
    }
}
