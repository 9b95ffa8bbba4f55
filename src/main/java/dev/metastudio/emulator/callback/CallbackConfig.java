package dev.metastudio.emulator.callback;

/**
 * {@code callback_config} of a video production job (reference Table 5-146, {@code CallBackConfig}): where the
 * job's result {@code {"result", "asset_id", "job_id"}} is POSTed when the job ends. Field names reach JSON in
 * snake_case through the global naming strategy: {@code callback_url}, {@code auth_type}, {@code key}.
 *
 * @param callbackUrl the receiver; checked by {@link Callbacks#validate}
 * @param authType    {@link AuthType#NONE} when absent, as documented
 * @param key         the HMAC key, required for {@link AuthType#MSS_A}
 */
public record CallbackConfig(String callbackUrl, AuthType authType, String key) {

    public CallbackConfig {
        authType = authType == null ? AuthType.NONE : authType;
    }

    /** Keeps the HMAC key out of logs and exception messages. */
    @Override
    public String toString() {
        return "CallbackConfig[callbackUrl=" + callbackUrl + ", authType=" + authType
                + ", key=" + (key == null ? "null" : "***") + "]";
    }
}
