package dev.metastudio.emulator.callback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code metastudio.callbacks.*}: who may be called back and how hard the emulator tries. Every key is settable by
 * environment variable ({@code METASTUDIO_CALLBACKS_ALLOWED_HOSTS}, {@code METASTUDIO_CALLBACKS_MAX_ATTEMPTS}, ...);
 * durations take Spring's forms ({@code 500ms}, {@code 5s}, {@code 5m}, {@code PT1S}).
 *
 * @param allowedHosts   comma-separated host names, IP literals and CIDRs a {@code callback_url} may point at, or
 *                       {@code *} for any; blank means the default {@value #DEFAULT_ALLOWED_HOSTS} (loopback only),
 *                       so a shared emulator cannot be made to call into its own network. See {@link HostAllowList}.
 * @param maxAttempts    attempts per callback before it is given up as FAILED
 * @param initialBackoff wait after the first failed attempt; it doubles after each further failure
 * @param maxBackoff     the longest wait between two attempts
 * @param connectTimeout how long to wait for the receiver's TCP/TLS connection
 * @param readTimeout    how long to wait for the receiver's response once connected
 * @param dispatchers    sending threads on this node; {@code 0} makes the node record callbacks only, for other
 *                       nodes on the same database to send
 * @param pollInterval   how often idle dispatchers look for callbacks recorded by other nodes; callbacks recorded
 *                       and retries scheduled on this node wake them at once
 */
@ConfigurationProperties("metastudio.callbacks")
public record CallbackProperties(
        String allowedHosts,
        Integer maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration readTimeout,
        Integer dispatchers,
        Duration pollInterval) {

    public static final String DEFAULT_ALLOWED_HOSTS = "localhost,127.0.0.0/8,::1";
    /** How the allow-list is named in messages, so an integrator knows what to set. */
    static final String ALLOWED_HOSTS_SETTING =
            "metastudio.callbacks.allowed-hosts (environment variable METASTUDIO_CALLBACKS_ALLOWED_HOSTS)";

    public CallbackProperties {
        allowedHosts = allowedHosts == null || allowedHosts.isBlank() ? DEFAULT_ALLOWED_HOSTS : allowedHosts.trim();
        maxAttempts = atLeast(maxAttempts, 8, 1, "max-attempts");
        dispatchers = atLeast(dispatchers, 2, 0, "dispatchers");
        initialBackoff = positive(initialBackoff, Duration.ofSeconds(1), "initial-backoff");
        maxBackoff = positive(maxBackoff, Duration.ofMinutes(5), "max-backoff");
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connect-timeout");
        readTimeout = positive(readTimeout, Duration.ofSeconds(10), "read-timeout");
        pollInterval = positive(pollInterval, Duration.ofSeconds(1), "poll-interval");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("metastudio.callbacks.max-backoff (" + maxBackoff
                    + ") must not be shorter than initial-backoff (" + initialBackoff + ")");
        }
    }

    /** Defaults everywhere: loopback receivers, 8 attempts, 1 s doubling to 5 min. */
    public static CallbackProperties defaults() {
        return new CallbackProperties(null, null, null, null, null, null, null, null);
    }

    private static int atLeast(Integer value, int fallback, int min, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < min) {
            throw new IllegalArgumentException("metastudio.callbacks." + name + " must be at least " + min
                    + ", not " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("metastudio.callbacks." + name + " must be positive, not " + value);
        }
        return value;
    }
}
