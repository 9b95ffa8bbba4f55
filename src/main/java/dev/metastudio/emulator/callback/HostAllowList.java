package dev.metastudio.emulator.callback;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which receivers the emulator may call, from {@code metastudio.callbacks.allowed-hosts}: a comma-separated list of
 * host names, IP literals and CIDR blocks, or {@code *} for any host. Callbacks are requests the emulator makes on a
 * caller's behalf, so without a limit anyone who can create a job could make the emulator probe its own network.
 *
 * <p>The rule, applied when a job is created and again before every attempt (the setting may have changed since):
 * <ul>
 *   <li>An IP literal host ({@code http://127.0.0.1:9000/}, {@code http://[::1]/}) must lie in one of the listed
 *       addresses or CIDR blocks.</li>
 *   <li>A host name must be listed by name (case-insensitive, exact; no DNS lookup when a job is created).</li>
 *   <li>When the list also holds addresses or CIDR blocks, a name is pinned to them: before each attempt it is
 *       resolved and every address it resolves to must lie in them, so a name cannot later be pointed elsewhere
 *       (DNS rebinding). With the default {@value CallbackProperties#DEFAULT_ALLOWED_HOSTS}, {@code localhost} must
 *       resolve to loopback. A list of names only trusts those names wherever they point; to allow a name outside
 *       the listed networks next to addresses, list its network too (e.g. {@code receiver,172.16.0.0/12}).</li>
 *   <li>{@code *} allows every host and skips the resolution check.</li>
 * </ul>
 * The HTTP client resolves the name again when it connects; the pinning check narrows, but does not close, the
 * window of a name that changes between the two lookups.
 */
final class HostAllowList {
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9_-]*[a-z0-9])?)*");

    private final String spec;
    private final boolean anyHost;
    private final Set<String> names;
    private final List<AddressRange> ranges;

    private HostAllowList(String spec, boolean anyHost, Set<String> names, List<AddressRange> ranges) {
        this.spec = spec;
        this.anyHost = anyHost;
        this.names = names;
        this.ranges = ranges;
    }

    /** Parses the setting; a malformed entry stops start-up with a message naming it. */
    static HostAllowList parse(String spec) {
        boolean any = false;
        Set<String> names = new LinkedHashSet<>();
        List<AddressRange> ranges = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                if (entry.equals("*")) {
                    any = true;
                } else if (entry.indexOf('/') >= 0 || IpLiterals.looksLiteral(entry)) {
                    ranges.add(AddressRange.parse(entry));
                } else {
                    String name = CallbackTarget.normalize(entry);
                    if (!HOST_NAME.matcher(name).matches()) {
                        throw new IllegalArgumentException("'" + entry + "' is not a host name, IP address or CIDR block");
                    }
                    names.add(name);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid entry in " + CallbackProperties.ALLOWED_HOSTS_SETTING
                        + ": " + e.getMessage(), e);
            }
        }
        return new HostAllowList(spec, any, Set.copyOf(names), List.copyOf(ranges));
    }

    /** Null when the host itself is allowed (a literal by address, a name by name), otherwise why not. */
    String whyNotAllowed(CallbackTarget target) {
        if (anyHost) {
            return null;
        }
        boolean allowed = target.literal() != null ? inRanges(target.literal()) : names.contains(target.host());
        return allowed ? null : "host '" + target.host() + "' is not allowed by this emulator; allow it with "
                + CallbackProperties.ALLOWED_HOSTS_SETTING + ", now '" + spec + "'";
    }

    /** Whether a name must resolve into the listed addresses before it is called. */
    boolean pinsNames() {
        return !anyHost && !ranges.isEmpty();
    }

    /** Null when every address a name resolved to lies in a listed address or block, otherwise why not. */
    String whyNotAllowed(CallbackTarget target, List<InetAddress> resolved) {
        List<String> outside = resolved.stream().filter(address -> !inRanges(address))
                .map(InetAddress::getHostAddress).toList();
        return outside.isEmpty() ? null : "host '" + target.host() + "' resolves to " + String.join(", ", outside)
                + ", outside the addresses allowed by " + CallbackProperties.ALLOWED_HOSTS_SETTING + ", now '" + spec
                + "'; list those addresses or their network there";
    }

    private boolean inRanges(InetAddress address) {
        for (AddressRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return spec;
    }
}
