package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * No outbound call goes to the emulator itself, whatever the allow-list says: its listening port on any address of
 * this machine (loopback, wildcard, interfaces, IPv4 in IPv6) or its public URL.
 */
class OutboundGuardTest {
    private static final int PORT = 18765;
    private final OutboundGuard guard = new OutboundGuard(PORT, "");

    @Test
    void loopbackWildcardAndLocalNamesOnTheListeningPortAreRefused() {
        for (String host : new String[] {"127.0.0.1", "127.9.8.7", "localhost", "LOCALHOST.", "api.localhost",
                "0.0.0.0", "[::1]", "::1", "[::]", "[::ffff:127.0.0.1]", "[::127.0.0.1]"}) {
            assertThat(guard.whyRefusedWithoutLookup(host, PORT)).as(host).contains("this emulator itself");
        }
    }

    @Test
    void otherPortsAndOtherHostsPass() throws Exception {
        assertThat(guard.whyRefusedWithoutLookup("127.0.0.1", PORT + 1)).isNull();
        assertThat(guard.whyRefused("127.0.0.1", PORT + 1)).isNull();
        assertThat(guard.whyRefusedWithoutLookup("192.0.2.10", PORT)).isNull();
        assertThat(guard.whyRefusedWithoutLookup("receiver.example", PORT)).as("names wait for resolution").isNull();
    }

    @Test
    void namesAreResolvedBeforeTheCallAndEveryInterfaceAddressCounts() throws Exception {
        assertThat(guard.whyRefused("localhost", PORT)).contains("this emulator itself");
        assertThat(guard.whyRefused(URI.create("http://localhost:" + PORT + "/_emulator/jobs/pause")))
                .contains("this emulator itself");
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
        if (lan.isPresent()) {
            assertThat(guard.whyRefused(lan.get().getHostAddress(), PORT)).as(lan.get().toString())
                    .contains("this emulator itself");
        }
    }

    @Test
    void thePublicUrlCountsAsTheEmulator() throws Exception {
        OutboundGuard behindProxy = new OutboundGuard(PORT, "http://emulator.example:9000");
        assertThat(behindProxy.whyRefusedWithoutLookup("Emulator.Example", 9000)).contains("public URL");
        assertThat(behindProxy.whyRefusedWithoutLookup("emulator.example", 80)).isNull();
        assertThat(OutboundGuard.portOf(URI.create("https://x.example/a"))).isEqualTo(443);
        assertThat(OutboundGuard.portOf(URI.create("rtmp://x.example/live"))).isEqualTo(1935);
    }

    @Test
    void aCallbackToTheEmulatorIsNotSentEvenWhenTheAllowListAllowsEveryHost() throws Exception {
        try (ServerSocket listening = new ServerSocket(0)) {
            int port = listening.getLocalPort();
            CallbackSender sender = new CallbackSender(CallbackProperties.defaults(), HostAllowList.parse("*"),
                    new OutboundGuard(port, ""), Clock.systemUTC());
            Instant now = Instant.now();
            AttemptOutcome outcome = sender.send(new CallbackDelivery("d1", "p", "j", "http://127.0.0.1:" + port
                    + "/_emulator/jobs/pause", Signing.NONE, null, "{}", DeliveryState.PENDING, 0, now, null, null,
                    now, now));
            assertThat(outcome.status()).isNull();
            assertThat(outcome.error()).startsWith("Not sent:").contains("this emulator itself");
        }
    }
}
