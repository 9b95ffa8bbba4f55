package dev.metastudio.emulator.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body except object uploads is limited to {@link BodyLimit#MAX_BYTES}: a declared larger body is
 * refused with 413 before it is read, a chunked one fails once the limit is passed.
 */
@Component
@Order(CanonicalPathFilter.ORDER + 1)
public class BodyLimitFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return CanonicalPath.of(request).isUnder(CanonicalPath.OBJECTS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > BodyLimit.MAX_BYTES) {
            tooLarge(response);
            return;
        }
        chain.doFilter(BodyLimit.limited(request), response);
    }

    public static void tooLarge(HttpServletResponse response) throws IOException {
        ErrorWriter.gateway(response, 413, ErrorCodes.GW_REQUEST_ERROR, BodyLimit.TOO_LARGE_MESSAGE);
    }
}
