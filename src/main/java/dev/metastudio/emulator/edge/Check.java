package dev.metastudio.emulator.edge;

import java.util.Collection;
import java.util.List;

/** Input checks that fail with 400 MSS.00000003 and a message naming the field, in the caller's JSON terms. */
public final class Check {
    private Check() {
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.invalid(field, "is required");
        }
        return value;
    }

    public static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "is required");
        }
        return value;
    }

    public static String length(String value, int min, int max, String field) {
        if (value != null && (value.length() < min || value.length() > max)) {
            throw ApiException.invalid(field, "must be " + min + " to " + max + " characters long, got " + value.length());
        }
        return value;
    }

    public static Integer range(Integer value, long min, long max, String field) {
        if (value != null && (value < min || value > max)) {
            throw ApiException.invalid(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static Long range(Long value, long min, long max, String field) {
        if (value != null && (value < min || value > max)) {
            throw ApiException.invalid(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static Float range(Float value, double min, double max, String field) {
        if (value != null && (value < min || value > max || value.isNaN())) {
            throw ApiException.invalid(field, "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static <T extends Collection<?>> T size(T values, int max, String field) {
        if (values != null && values.size() > max) {
            throw ApiException.invalid(field, "may hold at most " + max + " items, got " + values.size());
        }
        return values;
    }

    /** Each string of a list within the length bounds; the message names the offending index. */
    public static List<String> eachLength(List<String> values, int min, int max, String field) {
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value == null) {
                    throw ApiException.invalid(field + "[" + i + "]", "must not be null");
                }
                length(value, min, max, field + "[" + i + "]");
            }
        }
        return values;
    }

    public static String oneOf(String value, Collection<String> allowed, String field) {
        if (value != null && !allowed.contains(value)) {
            throw ApiException.invalid(field, "must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }
}
