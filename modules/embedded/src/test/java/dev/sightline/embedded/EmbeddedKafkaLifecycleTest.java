package dev.sightline.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class EmbeddedKafkaLifecycleTest {

    @Test
    void closeStopsTheBrokerAndDeletesItsDirectory() throws IOException {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        Path directory = kafka.directory();
        int port = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().indexOf(':') + 1));
        assertThat(directory.resolve("data")).isDirectory();

        kafka.close();
        kafka.close();

        assertThat(Files.exists(directory)).isFalse();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(Listener.HOST, port), 1_000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void aTakenPortIsReportedBeforeKafkaStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(Listener.HOST))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafka.builder().brokerPort(port).start())
                    .isInstanceOf(EmbeddedKafkaException.class)
                    .hasMessageStartingWith("broker port " + port + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void rejectsPortsOutOfRangeOrShared() {
        assertThatThrownBy(() -> EmbeddedKafka.builder().brokerPort(65_536))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        assertThatThrownBy(() -> EmbeddedKafka.builder().brokerPort(9092).controllerPort(9092).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different ports");
    }
}
