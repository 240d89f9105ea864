package io.herakles.procmem.export.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void ipv4AndIpv6LiteralsWithOrWithoutBrackets() throws Exception {
        assertThat(ListenAddress.resolve("0.0.0.0", 9215).getAddress().isAnyLocalAddress()).isTrue();
        InetSocketAddress any6 = ListenAddress.resolve("::", 9215);
        assertThat(any6.getAddress()).isInstanceOf(Inet6Address.class);
        assertThat(any6.getAddress().isAnyLocalAddress()).isTrue();
        assertThat(ListenAddress.resolve("[::1]", 1).getAddress().isLoopbackAddress()).isTrue();
        assertThat(ListenAddress.resolve(" 127.0.0.1 ", 1).getPort()).isEqualTo(1);
    }

    @Test
    void displayBracketsIpv6() {
        assertThat(ListenAddress.display("::1", 9215)).isEqualTo("[::1]:9215");
        assertThat(ListenAddress.display("127.0.0.1", 9215)).isEqualTo("127.0.0.1:9215");
    }

    @Test
    void emptyAddressIsRefused() {
        assertThatThrownBy(() -> ListenAddress.resolve("  ", 9215)).isInstanceOf(ListenException.class)
                .hasMessage("cannot listen on   :9215: empty bind address");
    }
}
