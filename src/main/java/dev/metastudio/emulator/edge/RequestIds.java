package dev.metastudio.emulator.edge;

import java.util.concurrent.ThreadLocalRandom;
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
        // Not UUID.randomUUID(): its one shared SecureRandom is a lock every request queued on. An id names a
        // request, it guards nothing, so a per-thread generator's 128 bits are enough.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex16(random.nextLong()) + hex16(random.nextLong());
    }

    private static String hex16(long value) {
        String hex = Long.toHexString(value);
        return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    static boolean acceptable(String callerSupplied) {
        return callerSupplied != null && CALLER_SUPPLIED.matcher(callerSupplied).matches();
    }
}
