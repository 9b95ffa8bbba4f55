package dev.metastudio.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metastudio.emulator.edge.ApiException;
import java.util.Iterator;
import java.util.List;

/**
 * The control plane's small bodies, read field by field: an unknown field is refused (a misspelt {@code project_id}
 * must never turn a project's reset into a reset of everything), and a wrong type names the field.
 */
public final class ControlBodies {
    private ControlBodies() {
    }

    /** The body as an object with only {@code known} fields; null body (none sent) stays null. */
    public static JsonNode object(JsonNode body, List<String> known) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw ApiException.invalid("request body", "must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw ApiException.invalid(name, "is not a field of this request (known: " + known + ")");
            }
        }
        return body;
    }

    public static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.invalid(field, "must be a string");
        }
        return value.asText();
    }

    public static Long integer(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.invalid(field, "must be an integer");
        }
        return value.asLong();
    }
}
