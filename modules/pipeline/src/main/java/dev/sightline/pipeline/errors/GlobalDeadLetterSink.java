package dev.sightline.pipeline.errors;

import dev.sightline.config.SightlineConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes the dead letters of records the global-store thread cannot read (the ref.* topics). Kafka Streams sends a
 * handler's dead-letter records only for tasks: its global thread has no record collector, so a dead letter returned
 * there would be lost. This sink sends them itself and waits for the broker's acknowledgement before the global thread
 * moves on. Its producer is opened on first use — an application whose reference data is readable never opens one —
 * and closed with the application. Thread safe.
 */
public final class GlobalDeadLetterSink implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<Producer<byte[], byte[]>> producers;
    private Producer<byte[], byte[]> producer;
    private boolean closed;

    /** @param producers opens the producer, called at most once, on the first dead letter */
    public GlobalDeadLetterSink(Supplier<Producer<byte[], byte[]>> producers) {
        this.producers = producers;
    }

    /** A sink whose producer has the configuration's Kafka client settings (bootstrap, security). */
    public static GlobalDeadLetterSink forConfig(SightlineConfig config) {
        return new GlobalDeadLetterSink(() -> {
            Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
            props.put(ProducerConfig.CLIENT_ID_CONFIG, config.applicationId() + "-global-dead-letters");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        });
    }

    /**
     * Sends one dead letter and waits until the broker has it.
     *
     * @throws IllegalStateException when it was not acknowledged in time, or the sink is closed
     */
    synchronized void write(ProducerRecord<byte[], byte[]> deadLetter) {
        if (closed) {
            throw new IllegalStateException("the global dead-letter sink is closed");
        }
        if (producer == null) {
            producer = producers.get();
        }
        try {
            producer.send(deadLetter).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not acknowledged by the broker", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
        }
    }
}
