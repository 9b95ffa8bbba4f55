package dev.metastudio.emulator.control.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An entry as {@code /_emulator/requests} shows it. Every field is present (null when it does not apply). A JSON
 * body is shown as the JSON itself, other text as a string, and a body that was not kept as
 * {@code {"omitted": "binary" | "too_large" | "evicted", "size": n, "content_type": ...}}; no body is null.
 */
final class JournalView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalView() {
    }

    /** Field order and names as documented; nulls are written (the application's default leaves them out). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"request_id", "time", "method", "path", "query", "operation", "project_id", "auth",
            "auth_detail", "status", "error_code", "duration_ms", "request_headers", "request_body", "response_body"})
    record Entry(String requestId, String time, String method, String path, String query, String operation,
                 String projectId, String auth, String authDetail, int status, String errorCode, long durationMs,
                 Map<String, String> requestHeaders, Object requestBody, Object responseBody) {
    }

    static Entry of(JournalEntry e) {
        // Milliseconds, unlike the API's times: requests of one test are often within the same second.
        return new Entry(e.requestId, DateTimeFormatter.ISO_INSTANT.format(e.time.truncatedTo(ChronoUnit.MILLIS)),
                e.method, e.path, e.query, e.operation(), e.projectId, e.auth, e.authDetail, e.status, e.errorCode(),
                e.durationMs, e.requestHeaders, body(e.request), body(e.response));
    }

    private static Object body(JournalEntry.Body body) {
        if (body.size == 0) {
            return null;
        }
        byte[] bytes = body.bytes();
        if (bytes == null) {
            Map<String, Object> omitted = new LinkedHashMap<>();
            omitted.put("omitted", body.evicted() ? "evicted" : body.tooLarge ? "too_large" : "binary");
            omitted.put("size", body.size);
            omitted.put("content_type", body.contentType);
            return omitted;
        }
        if (body.contentType != null && body.contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                return JSON.readTree(bytes);
            } catch (IOException notJson) {
                // Malformed JSON (a client's mistake worth seeing): shown as the text it was.
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
