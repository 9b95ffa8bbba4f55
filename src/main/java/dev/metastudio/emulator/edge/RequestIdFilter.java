package dev.metastudio.emulator.edge;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, puts it on the response before anything can commit it (so errors raised
 * anywhere carry it) and logs one access line with it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {
    private static final Logger ACCESS = LoggerFactory.getLogger("metastudio.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = chooseId(request);
        MDC.put(RequestIds.MDC_KEY, id);
        request.setAttribute(RequestIds.MDC_KEY, id);
        response.setHeader(RequestIds.HEADER, id);
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            // The container's error dispatch of a request already logged by the outer pass.
            try {
                chain.doFilter(request, response);
            } finally {
                MDC.remove(RequestIds.MDC_KEY);
            }
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            ACCESS.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(), millis);
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The TTS APIs document X-Request-Id as a request header the caller may set; elsewhere the server chooses. */
    private static String chooseId(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestIds.MDC_KEY);
        if (forwarded instanceof String existing) {
            return existing;
        }
        String supplied = request.getHeader(RequestIds.HEADER);
        if (request.getRequestURI().contains("/ttsc/") && RequestIds.acceptable(supplied)) {
            return supplied;
        }
        return RequestIds.newId();
    }
}
