package dev.sightline.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "0.0.0.0", "broker-1.kafka.svc.cluster.local", "::1", "[::1]",
            "fe80::1", "::ffff:10.0.0.1", "10.0.0.255"})
    void hosts(String host) {
        assertThat(NetworkSyntax.isHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "local host", "-broker", "broker-", "256.0.0.1", "1.2.3", "a..b", "[::1", ":::1:::",
            "host_name", "fe80::1%eth0", ".:1"})
    void notHosts(String host) {
        assertThat(NetworkSyntax.isHost(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:9092", "10.1.2.3:1", "[::1]:65535", "b-1.example.com:9094"})
    void hostPorts(String hostPort) {
        assertThat(NetworkSyntax.isHostPort(hostPort)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", ":9092", "localhost:", "localhost:0", "localhost:65536", "::1:9092",
            "localhost:90a", "localhost:123456"})
    void notHostPorts(String hostPort) {
        assertThat(NetworkSyntax.isHostPort(hostPort)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mock://sightline", "mock://test-1.a_b", "http://registry:8081", "https://sr.example.com/api/ccompat",
            "HTTPS://registry"})
    void registryUrls(String url) {
        assertThat(NetworkSyntax.isRegistryUrl(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mock://", "mock://a/b", "registry:8081", "ftp://registry", "https://", "https://u:p@registry",
            "http://registry:8081 http://other:8081"})
    void notRegistryUrls(String url) {
        assertThat(NetworkSyntax.isRegistryUrl(url)).isFalse();
    }
}
