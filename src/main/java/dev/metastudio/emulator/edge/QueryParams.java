package dev.metastudio.emulator.edge;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.util.MultiValueMap;

/** Typed reads of query parameters, failing with 400 and the parameter's name. */
public final class QueryParams {
    private final MultiValueMap<String, String> params;

    public QueryParams(MultiValueMap<String, String> params) {
        this.params = params;
    }

    public String text(String name) {
        String value = params.getFirst(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ApiException.invalid(name, "must be between " + min + " and " + max + ", got " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, "must be an integer, got '" + value + "'");
        }
    }

    public Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, "must be true or false, got '" + value + "'");
        };
    }

    /** A comma-separated list (the documented form), also accepting the parameter repeated. */
    public List<String> list(String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(v -> !v.isEmpty()).toList();
    }

    public <E extends Enum<E>> List<E> enums(String name, Class<E> type) {
        return list(name).stream().map(v -> enumValue(name, v, type)).toList();
    }

    public <E extends Enum<E>> E single(String name, Class<E> type, E defaultValue) {
        String value = text(name);
        return value == null ? defaultValue : enumValue(name, value.trim(), type);
    }

    public String oneOf(String name, List<String> allowed, String defaultValue) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw ApiException.invalid(name, "must be one of " + allowed + ", got '" + value + "'");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ApiException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants())
                + ", got '" + value + "'");
    }
}
