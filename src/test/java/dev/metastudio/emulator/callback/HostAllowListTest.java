package dev.metastudio.emulator.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostAllowListTest {
    private static final HostAllowList DEFAULT = HostAllowList.parse(CallbackProperties.DEFAULT_ALLOWED_HOSTS);

    @Test
    void defaultAllowsLoopbackOnly() {
        assertThat(allows(DEFAULT, "http://127.0.0.1/")).isTrue();
        assertThat(allows(DEFAULT, "http://127.255.0.9:81/")).isTrue();
        assertThat(allows(DEFAULT, "http://[::1]/")).isTrue();
        assertThat(allows(DEFAULT, "http://[0:0:0:0:0:0:0:1]/")).isTrue();
        assertThat(allows(DEFAULT, "http://LocalHost./")).isTrue();
        assertThat(allows(DEFAULT, "http://128.0.0.1/")).isFalse();
        assertThat(allows(DEFAULT, "http://10.1.2.3/")).isFalse();
        assertThat(allows(DEFAULT, "http://[::2]/")).isFalse();
        assertThat(allows(DEFAULT, "http://[::ffff:10.1.2.3]/")).isFalse();
        assertThat(allows(DEFAULT, "http://example.com/")).isFalse();
        assertThat(DEFAULT.whyNotAllowed(CallbackTarget.parse("http://example.com/")))
                .isEqualTo("host 'example.com' is not allowed by this emulator; allow it with"
                        + " metastudio.callbacks.allowed-hosts (environment variable METASTUDIO_CALLBACKS_ALLOWED_HOSTS),"
                        + " now 'localhost,127.0.0.0/8,::1'");
    }

    @Test
    void cidrBlocksMatchOnTheirPrefix() {
        HostAllowList list = HostAllowList.parse(" 10.0.0.0/8 , 192.168.1.7, 172.16.0.0/12, fd00::/8 ");
        assertThat(allows(list, "http://10.255.1.1/")).isTrue();
        assertThat(allows(list, "http://11.0.0.1/")).isFalse();
        assertThat(allows(list, "http://192.168.1.7/")).isTrue();
        assertThat(allows(list, "http://192.168.1.8/")).isFalse();
        assertThat(allows(list, "http://172.31.255.255/")).isTrue();
        assertThat(allows(list, "http://172.32.0.0/")).isFalse();
        assertThat(allows(list, "http://[fdab::1]/")).isTrue();
        assertThat(allows(list, "http://[fe00::1]/")).isFalse();
        assertThat(allows(list, "http://127.0.0.1/")).isFalse();
    }

    @Test
    void namesAreAllowedByNameAndPinnedOnlyWhenAddressesAreListed() throws Exception {
        HostAllowList namesOnly = HostAllowList.parse("receiver,Hooks.Example.com");
        assertThat(allows(namesOnly, "http://receiver:9000/cb")).isTrue();
        assertThat(allows(namesOnly, "https://hooks.example.com/")).isTrue();
        assertThat(allows(namesOnly, "https://evil.hooks.example.com/")).isFalse();
        assertThat(allows(namesOnly, "http://127.0.0.1/")).isFalse();
        assertThat(namesOnly.pinsNames()).isFalse();

        CallbackTarget localhost = CallbackTarget.parse("http://localhost/");
        assertThat(DEFAULT.pinsNames()).isTrue();
        assertThat(DEFAULT.whyNotAllowed(localhost, List.of(address("127.0.0.1"), address("::1")))).isNull();
        assertThat(DEFAULT.whyNotAllowed(localhost, List.of(address("127.0.0.1"), address("10.9.8.7"))))
                .startsWith("host 'localhost' resolves to 10.9.8.7, outside the addresses allowed by"
                        + " metastudio.callbacks.allowed-hosts");
    }

    @Test
    void starAllowsEverythingWithoutPinning() {
        HostAllowList any = HostAllowList.parse("*");
        assertThat(allows(any, "http://10.1.2.3/")).isTrue();
        assertThat(allows(any, "https://example.com/")).isTrue();
        assertThat(any.pinsNames()).isFalse();
    }

    @Test
    void malformedEntriesStopStartUpNamingTheEntry() {
        for (String bad : new String[] {"10.0.0.0/33", "300.1.1.1", "::1/129", "fd00::/x", "bad host", "gg::1", "a..b"}) {
            assertThatThrownBy(() -> HostAllowList.parse("localhost," + bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid entry in metastudio.callbacks.allowed-hosts");
        }
    }

    private static boolean allows(HostAllowList list, String url) {
        return list.whyNotAllowed(CallbackTarget.parse(url)) == null;
    }

    private static InetAddress address(String literal) {
        return IpLiterals.parse(literal);
    }
}
