package dev.metastudio.emulator.callback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.metastudio.emulator.edge.JsonEnums;

/**
 * {@code callback_config.auth_type} (reference Table 5-146). The table lists the option as {@code None} but gives
 * the default as {@code NONE}: both spellings are accepted, {@code NONE} is what the emulator writes back. Any
 * other spelling (e.g. {@code none}) is rejected, as are the live-room-only types {@code MSS_A_HEAD} and
 * {@code MEITUAN_DEFAULT}.
 */
public enum AuthType {
    /** The callback URL carries its own authentication; it is called as configured. */
    NONE,
    /** HMAC-SHA256: {@code secret} and {@code time_stamp} query parameters are added, see {@link MssaSignature}. */
    MSS_A;

    @JsonCreator
    public static AuthType parse(String value) {
        if ("None".equals(value)) {
            return NONE;
        }
        return JsonEnums.byName(values(), value);
    }

    @JsonValue
    public String json() {
        return name();
    }
}
