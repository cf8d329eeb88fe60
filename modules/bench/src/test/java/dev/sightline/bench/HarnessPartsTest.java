package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessPartsTest {
    @Test
    void argumentsOverrideDefaults() {
        BenchSettings settings = BenchArguments.parse("--events", "5000", "--partitions", "1", "--latency-seconds", "9");

        assertThat(settings.events()).isEqualTo(5_000);
        assertThat(settings.partitions()).isEqualTo(1);
        assertThat(settings.latencyRun()).isEqualTo(Duration.ofSeconds(9));
        assertThat(settings.seed()).isEqualTo(BenchSettings.DEFAULT_SEED);
        assertThat(settings.latencyFraction()).isEqualTo(BenchSettings.HALF_CAPACITY);
    }

    @Test
    void argumentsNameWhatIsWrong() {
        assertThatThrownBy(() -> BenchArguments.parse("--event", "5")).hasMessageContaining("unknown option --event");
        assertThatThrownBy(() -> BenchArguments.parse("--events", "many")).hasMessageContaining("--events");
        assertThatThrownBy(() -> BenchArguments.parse("--events", "10")).hasMessageContaining("events must be at least");
        assertThatThrownBy(() -> BenchArguments.parse("--events")).hasMessageContaining("usage");
    }

    @Test
    void productionTimeRoundTripsThroughItsHeader() {
        RecordHeaders headers = new RecordHeaders(List.of(new RecordHeader("other", new byte[] {1}),
                new RecordHeader(RawTraffic.PRODUCED_AT_HEADER, RawTraffic.encode(123_456_789_012L))));

        assertThat(RawTraffic.producedAt(headers)).isEqualTo(123_456_789_012L);
        assertThat(RawTraffic.producedAt(new RecordHeaders())).isEqualTo(-1);
    }

    @Test
    void peakRssIsReadFromVmHwm(@TempDir Path dir) throws IOException {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 9000 kB\nVmHWM:\t  2048 kB\n");

        assertThat(ResourceMeter.peakRss(status)).contains(2L * 1024 * 1024);
        assertThat(ResourceMeter.peakRss(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void directorySizeSumsRegularFiles(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a"), new byte[100]);
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/b"), new byte[50]);

        assertThat(ResourceMeter.directorySize(dir)).isEqualTo(150);
        assertThat(ResourceMeter.directorySize(dir.resolve("missing"))).isZero();
    }
}
