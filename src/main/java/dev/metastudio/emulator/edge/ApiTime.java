package dev.metastudio.emulator.edge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Times as the reference writes them: RFC 3339 UTC to the second, e.g. {@code 2021-10-30T12:30:35Z}. */
public final class ApiTime {
    private ApiTime() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Parses a query or body time; the message names the field when it is not RFC 3339. */
    public static Instant parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value.trim());
            } catch (DateTimeParseException again) {
                throw ApiException.invalid(field, "must be an RFC 3339 time such as 2021-10-30T12:30:35Z, got '" + value + "'");
            }
        }
    }
}
