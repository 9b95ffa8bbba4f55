package dev.metastudio.emulator.control.journal;

import dev.metastudio.emulator.edge.ApiException;
import dev.metastudio.emulator.edge.ApiTime;
import dev.metastudio.emulator.edge.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /_emulator/requests}: what clients sent this node and what it answered, newest first. */
@RestController
@RequestMapping("/_emulator/requests")
@Tag(name = "journal", description = "The requests this node served, with bodies (per node, bounded)")
class JournalController {
    static final int DEFAULT_LIMIT = 100;
    private static final Pattern STATUS = Pattern.compile("[1-5]([0-9]{2}|xx)");

    private final RequestJournal journal;

    JournalController(RequestJournal journal) {
        this.journal = journal;
    }

    /**
     * Filters, all optional: {@code project_id}, {@code operation} (the SDK's name, e.g. {@code ListAssets}),
     * {@code status} (a code such as {@code 401} or a class such as {@code 4xx}), {@code since} (RFC 3339: entries
     * at or after it), {@code limit} (1 to the journal's size, default 100).
     */
    @GetMapping
    @Operation(summary = "Recorded requests, newest first",
            description = "Filters: project_id, operation (SDK name), status (404 or 4xx), since (RFC 3339), limit"
                    + " (default 100).")
    Map<String, Object> list(@RequestParam MultiValueMap<String, String> query) {
        QueryParams q = new QueryParams(query);
        Predicate<JournalEntry> filter = entry -> true;
        String projectId = q.text("project_id");
        if (projectId != null) {
            filter = filter.and(e -> projectId.equals(e.projectId));
        }
        String operation = q.text("operation");
        if (operation != null) {
            filter = filter.and(e -> operation.equals(e.operation()));
        }
        String status = q.text("status");
        if (status != null) {
            filter = filter.and(statusFilter(status.toLowerCase(java.util.Locale.ROOT)));
        }
        Instant since = ApiTime.parse(q.text("since"), "since");
        if (since != null) {
            filter = filter.and(e -> !e.time.isBefore(since));
        }
        int limit = q.integer("limit", DEFAULT_LIMIT, 1, Math.max(1, journal.capacity()));
        journal.settle();
        List<JournalView.Entry> entries = journal.newest(filter, limit).stream().map(JournalView::of).toList();
        return Map.of("requests", entries);
    }

    @GetMapping("/{request_id}")
    @Operation(summary = "One recorded request by its X-Request-Id (404 when this node has none)")
    JournalView.Entry show(@PathVariable("request_id") String requestId) {
        journal.settle();
        return journal.find(requestId).map(JournalView::of)
                .orElseThrow(() -> ApiException.notFound("request", requestId));
    }

    /** Empties this node's journal; answers how many entries went. */
    @DeleteMapping
    @Operation(summary = "Empties this node's journal")
    Map<String, Object> clear() {
        return Map.of("removed", journal.remove(null));
    }

    private static Predicate<JournalEntry> statusFilter(String status) {
        if (!STATUS.matcher(status).matches()) {
            throw ApiException.invalid("status", "must be an HTTP status such as 404 or a class such as 4xx, got '"
                    + status + "'");
        }
        if (status.endsWith("xx")) {
            int hundreds = status.charAt(0) - '0';
            return e -> e.status / 100 == hundreds;
        }
        int exact = Integer.parseInt(status);
        return e -> e.status == exact;
    }
}
