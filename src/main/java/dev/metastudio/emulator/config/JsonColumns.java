package dev.metastudio.emulator.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.persistence.AttributeConverter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Nested documents stored as JSON text columns, written with the same snake_case shape the API uses so a
 * stored document is exactly what a caller sent or will read.
 */
public final class JsonColumns {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .registerModule(new JavaTimeModule());

    private JsonColumns() {
    }

    /** A document as its column text (null stays null). */
    public static String write(Object value) {
        try {
            return value == null ? null : MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column's text as the document it stores (null stays null); unreadable text is a server-side defect. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable " + type.getSimpleName() + " column", e);
        }
    }

    /** Base for one converter per document type (JPA needs a concrete class for each). */
    public abstract static class Converter<T> implements AttributeConverter<T, String> {
        private final Class<T> type;

        protected Converter(Class<T> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(T value) {
            return write(value);
        }

        @Override
        public T convertToEntityAttribute(String json) {
            return read(json, type);
        }
    }
}
