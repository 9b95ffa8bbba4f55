package dev.metastudio.emulator.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The id of the request being served: in the {@code X-Request-Id} header, the log lines and gateway errors. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern CALLER_SUPPLIED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RequestIds() {
    }

    /** 32 lower-case hex characters, the shape of the real gateway's ids. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    static boolean acceptable(String callerSupplied) {
        return callerSupplied != null && CALLER_SUPPLIED.matcher(callerSupplied).matches();
    }
}
