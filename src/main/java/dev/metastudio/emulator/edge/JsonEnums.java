package dev.metastudio.emulator.edge;

import java.util.Arrays;

/**
 * Strict, case-sensitive enum reading for request bodies: the reference's enums are exact spellings, so a near
 * miss ({@code none} for {@code NONE}) is refused with a message the field-naming error handler passes on.
 */
public final class JsonEnums {
    private JsonEnums() {
    }

    public static <E extends Enum<E>> E byName(E[] values, String value) {
        for (E candidate : values) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("must be one of " + Arrays.toString(values) + ", got '" + value + "'");
    }
}
