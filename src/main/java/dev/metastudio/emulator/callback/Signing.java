package dev.metastudio.emulator.callback;

import java.util.Optional;

/**
 * How the outbox signs a delivery at each attempt ({@code callback_delivery.auth_type}; at most 16 characters).
 * All signed variants compute the same HMAC ({@link MssaSignature}); they differ only in where it goes and under
 * which names.
 */
enum Signing {
    /** Called as configured. */
    NONE,
    /** A video job's {@code callback_config} MSS_A (L5688): query {@code secret} and {@code time_stamp}. */
    MSS_A,
    /**
     * A live job's {@code live_event_callback_config} MSS_A (Table 6-31, L6713): query {@code hwSecret} and
     * {@code hwTime}.
     */
    LIVE_MSS_A,
    /**
     * A live job's {@code live_event_callback_config} MSS_A_HEAD (Table 6-31, L6713): headers
     * {@code x-hw-mss-secret} and {@code x-hw-mss-time}, the URL as configured.
     */
    LIVE_MSS_A_HEAD;

    static Signing of(AuthType type) {
        return type == AuthType.MSS_A ? MSS_A : NONE;
    }

    /**
     * The signing of a {@code live_event_callback_config.auth_type} (absent: NONE); empty for {@code MEITUAN_DEFAULT}
     * ("used only for Meituan's API callback", whose scheme the reference does not give) and anything else.
     */
    static Optional<Signing> ofLiveEventAuthType(String authType) {
        if (authType == null || authType.isEmpty()) {
            return Optional.of(NONE);
        }
        return switch (authType) {
            case "NONE" -> Optional.of(NONE);
            case "MSS_A" -> Optional.of(LIVE_MSS_A);
            case "MSS_A_HEAD" -> Optional.of(LIVE_MSS_A_HEAD);
            default -> Optional.empty();
        };
    }

    boolean needsKey() {
        return this != NONE;
    }
}
