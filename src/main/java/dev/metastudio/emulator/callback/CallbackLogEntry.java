package dev.metastudio.emulator.callback;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.metastudio.emulator.config.JsonColumns;
import dev.metastudio.emulator.edge.ApiTime;
import java.util.List;

/**
 * One delivery as {@code GET /_emulator/callbacks} shows it. Every field is always present (null when unknown), so
 * tools reading the log see one shape. The MSS_A key is never shown; {@code url} is the URL as configured.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record CallbackLogEntry(
        String id,
        String projectId,
        String jobId,
        String url,
        DeliveryState state,
        int attempts,
        Integer lastStatus,
        String lastError,
        String nextAttemptAt,
        String createTime,
        String updateTime,
        JsonNode body) {

    static CallbackLogEntry of(CallbackDelivery d) {
        return new CallbackLogEntry(d.id(), d.projectId(), d.jobId(), d.url(), d.state(), d.attempts(),
                d.lastStatus(), d.lastError(), ApiTime.format(d.nextAttemptAt()), ApiTime.format(d.createTime()),
                ApiTime.format(d.updateTime()), parse(d.body()));
    }

    private static JsonNode parse(String body) {
        try {
            return JsonColumns.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }

    /** The response: {@code {"callbacks": [...]}}, newest first. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page(List<CallbackLogEntry> callbacks) {
    }
}
