package dev.metastudio.emulator.edge;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.metastudio.emulator.config.NulRefusingJsonFactory;
import java.util.List;

/** Renders Jackson's location of a binding failure as the JSON path a caller wrote, e.g. {@code shoot_scripts[0].text}. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String of(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "request body" : out.toString();
    }

    /** The path of the parser's current position (e.g. the field a parse error stopped at). */
    static String of(JsonStreamContext context) {
        return NulRefusingJsonFactory.pathOf(context);
    }
}
