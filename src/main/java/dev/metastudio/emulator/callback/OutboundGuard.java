package dev.metastudio.emulator.callback;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one rule every server-side outbound call obeys (callbacks today; RTMP pushes and URL fetches to come),
 * whatever an allow-list says: never call the emulator itself. A caller who could make the emulator send a request
 * to its own port would reach the control plane ({@code /_emulator/jobs/pause}) or the API from inside.
 *
 * <p>A target is this emulator when its port is one the server listens on and its host is, or resolves to, an
 * address of this machine: loopback ({@code 127.0.0.0/8}, {@code ::1}), the wildcard ({@code 0.0.0.0}, {@code ::},
 * which connects locally), or an address of any network interface. The configured public URL
 * ({@code metastudio.public-url}), which may be a proxy in front of the emulator, counts as the emulator too.
 *
 * <p>Use {@link #whyRefusedWithoutLookup} while validating a request (no DNS), and {@link #whyRefused} right before
 * connecting (the name is resolved; every address must pass). The client resolves the name again when it connects;
 * a name whose answer changes in between (DNS rebinding) is the remaining window.
 */
@Component
public class OutboundGuard {
    private final Set<Integer> listeningPorts = ConcurrentHashMap.newKeySet();
    private final String publicHost;
    private final int publicPort;

    public OutboundGuard(@Value("${server.port:8080}") int configuredPort,
                         @Value("${metastudio.public-url:}") String publicUrl) {
        if (configuredPort > 0) {
            listeningPorts.add(configuredPort);
        }
        URI configured = publicUrl == null || publicUrl.isBlank() ? null : URI.create(publicUrl.trim());
        this.publicHost = configured == null || configured.getHost() == null ? null
                : CallbackTarget.normalize(configured.getHost());
        this.publicPort = configured == null ? -1 : portOf(configured);
    }

    /** The port the server really listens on (a random one in tests, {@code server.port=0}). */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        int port = event.getWebServer().getPort();
        if (port > 0) {
            listeningPorts.add(port);
        }
    }

    /** The ports this emulator answers on. */
    public Set<Integer> listeningPorts() {
        return Collections.unmodifiableSet(listeningPorts);
    }

    /**
     * Null when {@code uri} may be called, otherwise why not; resolves the host. The port defaults by scheme
     * (http 80, https 443, rtmp 1935, rtmps 443).
     */
    public String whyRefused(URI uri) throws UnknownHostException {
        return whyRefused(hostOf(uri), portOf(uri));
    }

    /** Null when {@code host:port} is not this emulator; names are resolved and every address must pass. */
    public String whyRefused(String host, int port) throws UnknownHostException {
        String quick = whyRefusedWithoutLookup(host, port);
        if (quick != null || !isSelfPort(port)) {
            return quick;
        }
        List<InetAddress> addresses = Arrays.asList(InetAddress.getAllByName(bare(host)));
        for (InetAddress address : addresses) {
            if (isLocal(address) || isPublicAddress(address)) {
                return refusal(host, port, address.getHostAddress());
            }
        }
        return null;
    }

    /**
     * Like {@link #whyRefused} without asking DNS: decides IP literals and the names that are local by definition
     * ({@code localhost}, {@code *.localhost}, the public URL's host); other names pass until they are resolved.
     */
    public String whyRefusedWithoutLookup(String host, int port) {
        String name = CallbackTarget.normalize(host);
        if (publicHost != null && name.equals(publicHost) && port == publicPort) {
            return refusal(host, port, "the emulator's public URL");
        }
        if (!listeningPorts.contains(port)) {
            return null;
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return refusal(host, port, "loopback");
        }
        if (IpLiterals.looksLiteral(name)) {
            InetAddress literal;
            try {
                literal = IpLiterals.parse(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (isLocal(literal)) {
                return refusal(host, port, literal.getHostAddress());
            }
        }
        return null;
    }

    /** The port a URL connects to, with the scheme's default when none is written. */
    public static int portOf(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https", "rtmps" -> 443;
            case "rtmp" -> 1935;
            default -> 80;
        };
    }

    private boolean isSelfPort(int port) {
        return listeningPorts.contains(port) || (publicHost != null && port == publicPort);
    }

    private boolean isPublicAddress(InetAddress address) {
        if (publicHost == null) {
            return false;
        }
        try {
            return new HashSet<>(Arrays.asList(InetAddress.getAllByName(publicHost))).contains(address);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Loopback, wildcard, an interface's own address, or an IPv4-compatible IPv6 form of one of those. */
    static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        if (address instanceof Inet6Address v6 && embedsIpv4(v6.getAddress())) {
            byte[] raw = v6.getAddress();
            try {
                return isLocal(InetAddress.getByAddress(Arrays.copyOfRange(raw, 12, 16)));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return interfaceAddresses().contains(address);
    }

    private static boolean embedsIpv4(byte[] raw) {
        for (int i = 0; i < 10; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return (raw[10] == 0 && raw[11] == 0) || (raw[10] == (byte) 0xff && raw[11] == (byte) 0xff);
    }

    private static Set<InetAddress> interfaceAddresses() {
        Set<InetAddress> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                addresses.addAll(new ArrayList<>(Collections.list(nic.getInetAddresses())));
            }
        } catch (SocketException e) {
            // No interface list: loopback and wildcard are still recognised above.
        }
        return addresses;
    }

    private static String hostOf(URI uri) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the URL names no host: " + uri);
        }
        return uri.getHost();
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String refusal(String host, int port, String why) {
        return "'" + host + ":" + port + "' is this emulator itself (" + why + "); the emulator never calls itself,"
                + " whatever the allow-list says";
    }
}
