package dev.sightline.bench;

import dev.sightline.model.Topic;
import dev.sightline.simulator.SimulatedRecord;
import dev.sightline.simulator.TrafficSimulator;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Simulated raw records written to the raw topics as log shippers would: all at once, or paced and time-stamped. */
final class RawTraffic implements AutoCloseable {
    /**
     * Header carrying {@link System#nanoTime()} at the moment the record was handed to the producer. The stages
     * keep headers (normalize re-keys the record, enrich replaces the value), so the enriched event still carries
     * it; producer and consumers share this JVM, so the monotonic clock compares directly.
     */
    static final String PRODUCED_AT_HEADER = "sightline-bench-produced-ns";

    private final KafkaProducer<byte[], byte[]> producer;
    private final Function<Topic, String> topicName;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** What a bulk load wrote. */
    record Loaded(long records, long bytes, Duration took, Map<String, Long> byFormat) {
    }

    RawTraffic(Map<String, Object> kafkaClientProperties, Function<Topic, String> topicName) {
        Map<String, Object> props = new HashMap<>(kafkaClientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.topicName = topicName;
    }

    /** Writes {@code count} records as fast as the broker takes them and waits for every acknowledgement. */
    Loaded load(TrafficSimulator simulator, int count) {
        long begin = System.nanoTime();
        long bytes = 0;
        Map<String, Long> byFormat = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            SimulatedRecord record = simulator.next();
            bytes += record.value().length;
            byFormat.merge(record.format(), 1L, Long::sum);
            send(record, null);
        }
        producer.flush();
        requireNoFailure();
        return new Loaded(count, bytes, Duration.ofNanos(System.nanoTime() - begin), byFormat);
    }

    /**
     * Writes records at {@code perSecond} for {@code duration}, each stamped with {@link #PRODUCED_AT_HEADER}.
     * Paces in 1 ms steps: whatever is due by now is sent, so a late wake-up catches up instead of lowering the rate.
     *
     * @return the records sent
     */
    long paced(TrafficSimulator simulator, double perSecond, Duration duration) throws InterruptedException {
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        long sent = 0;
        for (long now = begin; now < end; now = System.nanoTime()) {
            long due = (long) ((now - begin) / 1e9 * perSecond);
            for (; sent < due; sent++) {
                send(simulator.next(), new RecordHeader(PRODUCED_AT_HEADER, encode(System.nanoTime())));
            }
            Thread.sleep(1);
        }
        producer.flush();
        requireNoFailure();
        return sent;
    }

    static byte[] encode(long nanos) {
        return ByteBuffer.allocate(Long.BYTES).putLong(nanos).array();
    }

    /** The production time a record carries, or -1 when it carries none. */
    static long producedAt(Iterable<Header> headers) {
        for (Header header : headers) {
            if (header.key().equals(PRODUCED_AT_HEADER) && header.value() != null && header.value().length == Long.BYTES) {
                return ByteBuffer.wrap(header.value()).getLong();
            }
        }
        return -1;
    }

    private void send(SimulatedRecord record, Header header) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topicName.apply(record.topic()), null,
                record.eventTime().toEpochMilli(), record.key(), record.value());
        if (header != null) {
            out.headers().add(header);
        }
        producer.send(out, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    private void requireNoFailure() {
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("the broker refused simulated records", error);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
