package dev.sightline.app.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipper against Kafka's mock clients: what each record carries, and what happens when the broker refuses one. */
class ShipperTest {
    private static final String TOPIC = "raw.proxy.squid";

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final List<String> notices = new ArrayList<>();
    private final ShipListener listener = new ShipListener() {
        @Override
        public void notice(String message) {
            notices.add(message);
        }

        @Override
        public void progress(List<FileStatus> files) {
        }
    };

    ShipperTest() {
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
    }

    @Test
    void eachLineIsOneRecordWithKeyAndProvenanceHeaders() throws Exception {
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        String input = "first line\r\n" + "x".repeat(30) + "\n\nlast without newline";
        Shipper shipper = new Shipper(ShipSettings.of(TOPIC, "squid").withSourceId("proxy-7").withMaxLineBytes(20),
                producer, consumer, null, listener, Clock.systemUTC());

        List<FileStatus> result = shipper.ship(List.of(new ShipInput.Stream("-",
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))));

        assertThat(producer.history()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("first line", "", "last without newline");
        assertThat(producer.history()).extracting(r -> ShipHeaders.read(r.headers(), ShipHeaders.LINE).orElseThrow())
                .containsExactly("1", "3", "4");
        assertThat(producer.history()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(TOPIC);
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("proxy-7");
            assertThat(ShipHeaders.read(record.headers(), ShipHeaders.FORMAT)).contains("squid");
            assertThat(ShipHeaders.read(record.headers(), ShipHeaders.FILE)).contains("-");
        });
        assertThat(result).singleElement().satisfies(status -> {
            assertThat(status.linesSent()).isEqualTo(3);
            assertThat(status.oversized()).isEqualTo(1);
            assertThat(status.size()).isEqualTo(-1);
        });
        assertThat(notices).singleElement().asString().contains("line 2 is longer than 20 bytes").doesNotContain("xxx");
    }

    @Test
    void aRefusedRecordStopsShippingAndKeepsThePositionAtTheLastAcknowledgedBatch(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("access.log"), "l1\nl2\nl3\nl4\nl5\nl6\n");
        RefusingProducer producer = new RefusingProducer(5);
        PositionFile positions = PositionFile.open(dir.resolve("pos.json"));
        Shipper shipper = new Shipper(ShipSettings.of(TOPIC, "squid").withCommitLines(3), producer, consumer, positions,
                listener, Clock.systemUTC());

        assertThatThrownBy(() -> shipper.ship(List.of(new ShipInput.File(log))))
                .isInstanceOf(ShipException.class).hasMessageContaining("did not acknowledge");

        PositionFile.Entry saved = PositionFile.open(dir.resolve("pos.json")).get(log.toAbsolutePath().normalize().toString())
                .orElseThrow();
        assertThat(saved.line()).isEqualTo(3);
        assertThat(saved.offset()).isEqualTo(9);
        assertThat(saved.linesSent()).isEqualTo(3);
    }

    /** Acknowledges at flush, but refuses the oldest unacknowledged record when the n-th one is sent. */
    private static final class RefusingProducer extends MockProducer<byte[], byte[]> {
        private final int refuseAt;
        private int sent;

        RefusingProducer(int refuseAt) {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.refuseAt = refuseAt;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            Future<RecordMetadata> future = super.send(record, callback);
            if (++sent == refuseAt) {
                errorNext(new TimeoutException("delivery timed out"));
            }
            return future;
        }
    }
}
