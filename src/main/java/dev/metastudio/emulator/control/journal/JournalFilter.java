package dev.metastudio.emulator.control.journal;

import dev.metastudio.emulator.edge.CanonicalPath;
import dev.metastudio.emulator.edge.CanonicalPathFilter;
import dev.metastudio.emulator.edge.RequestIds;
import dev.metastudio.emulator.edge.auth.AuthOutcome;
import dev.metastudio.emulator.edge.auth.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every API, IAM and object-URL request in the {@link RequestJournal}. It sits right after the control
 * plane's access check and before the role, authentication, throttling and fault filters, so it sees every answer
 * they give, with the final status and body. Bodies are observed as the application reads and writes them (never
 * read ahead); the operation name and error code are worked out only when someone reads the entry.
 */
@Component
@Order(CanonicalPathFilter.ORDER + 3)
class JournalFilter extends OncePerRequestFilter {
    private final RequestJournal journal;
    private final Clock clock;

    JournalFilter(RequestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!journal.enabled()) {
            return true;
        }
        CanonicalPath path = CanonicalPath.of(request);
        return !(path.isUnder(CanonicalPath.API) || path.isUnder(CanonicalPath.IAM)
                || path.isUnder(CanonicalPath.OBJECTS));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant time = clock.instant();
        long started = System.nanoTime();
        TappedRequest tappedRequest = new TappedRequest(request);
        TappedResponse tappedResponse = new TappedResponse(response);
        int status = 500;
        // Object downloads stream for long; only API answers are waited for by readers.
        boolean settled = !CanonicalPath.of(request).isUnder(CanonicalPath.OBJECTS);
        if (settled) {
            journal.begin(tappedResponse, response);
        }
        try {
            chain.doFilter(tappedRequest, tappedResponse);
            tappedResponse.finish();
            status = response.getStatus();
        } finally {
            journal.add(entry(request, response, tappedRequest, tappedResponse, time, status,
                    (System.nanoTime() - started) / 1_000_000));
            if (settled) {
                journal.end(tappedResponse);
            }
        }
    }

    private static JournalEntry entry(HttpServletRequest request, HttpServletResponse response, TappedRequest in,
                                      TappedResponse out, Instant time, int status, long durationMs) {
        CanonicalPath path = CanonicalPath.of(request);
        Caller caller = Caller.of(request);
        String projectId = caller != null && caller.projectId() != null ? caller.projectId() : path.apiProjectId();
        AuthOutcome auth = AuthOutcome.of(request);
        String requestId = RequestIds.current();
        return new JournalEntry(requestId != null ? requestId : response.getHeader(RequestIds.HEADER), time,
                request.getMethod(), path.value(), Secrets.query(request.getQueryString()), projectId,
                auth.kind().name(), auth.detail(), status, durationMs, headers(request),
                JournalEntry.Body.of(in.tap(), request.getContentType()),
                JournalEntry.Body.of(out.tap(), response.getContentType()));
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            String value = String.join(", ", Collections.list(request.getHeaders(name)));
            headers.put(lower, Secrets.header(lower, value));
        }
        return headers;
    }
}
