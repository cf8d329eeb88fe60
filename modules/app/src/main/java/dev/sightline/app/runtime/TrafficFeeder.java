package dev.sightline.app.runtime;

import dev.sightline.simulator.SimulatedRecord;
import dev.sightline.simulator.TrafficSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds simulated raw records to the raw topics at a steady rate, as log shippers would, on a thread of its own.
 * The simulator's event clock runs at the same rate, so event time stays near the wall clock.
 */
public final class TrafficFeeder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficFeeder.class);

    private final TrafficSimulator simulator;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Function<SimulatedRecord, String> topicName;
    private final double recordsPerSecond;
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param topicName the full topic name (prefix included) of a record's raw topic
     */
    public TrafficFeeder(TrafficSimulator simulator, Map<String, Object> kafkaClientProperties,
                         Function<SimulatedRecord, String> topicName, double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("recordsPerSecond must be positive, got " + recordsPerSecond);
        }
        this.simulator = simulator;
        this.topicName = topicName;
        this.recordsPerSecond = recordsPerSecond;
        Map<String, Object> props = new HashMap<>(kafkaClientProperties);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.thread = new Thread(this::feed, "sightline-traffic");
        thread.setDaemon(true);
    }

    public TrafficFeeder start() {
        thread.start();
        return this;
    }

    public long sent() {
        return sent.get();
    }

    private void feed() {
        long periodNanos = (long) (1_000_000_000L / recordsPerSecond);
        long next = System.nanoTime();
        while (running) {
            SimulatedRecord record = simulator.next();
            producer.send(new ProducerRecord<>(topicName.apply(record), null, record.eventTime().toEpochMilli(),
                    record.key(), record.value()), (metadata, error) -> {
                        if (error != null) {
                            LOG.warn("could not send a simulated record: {}", error.toString());
                        }
                    });
            sent.incrementAndGet();
            next += periodNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
