package dev.sightline.bench;

import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the enriched events and the alerts as a downstream consumer would (read_committed: what exactly-once lets
 * others see) and turns them into latencies from the raw record's production. An enriched event carries the raw
 * record's production time in a header; an alert carries the ids of its source events, so a NEW alert's latency is
 * measured against the production time of the one event that raised it. Alerts are resolved at the end, so the order
 * in which the two topics arrive does not matter.
 */
final class LatencyProbe implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String enrichedTopic;
    private final Deserializer<AiUsageEvent> events;
    private final Deserializer<Alert> alerts;
    private final Thread thread;
    private final Map<String, Long> producedAtByEventId = new HashMap<>();
    private final List<ReceivedAlert> received = new ArrayList<>();
    private final LatencyRecorder toEnriched = new LatencyRecorder("raw -> enriched event");
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private record ReceivedAlert(long receivedAt, AlertStatus status, List<String> sourceEventIds) {
    }

    /** The latencies, once the probe has stopped. */
    record Result(LatencyRecorder.Summary enriched, LatencyRecorder.Summary newAlerts,
                  LatencyRecorder.Summary updatedAlerts, long unresolvedAlerts) {
    }

    LatencyProbe(Map<String, Object> kafkaClientProperties, String enrichedTopic, String alertsTopic,
                 Deserializer<AiUsageEvent> events, Deserializer<Alert> alerts) {
        Map<String, Object> props = new HashMap<>(kafkaClientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.enrichedTopic = enrichedTopic;
        this.events = events;
        this.alerts = alerts;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(enrichedTopic, alertsTopic)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before the paced records are produced
        this.thread = new Thread(this::consume, "sightline-bench-latency");
        thread.setDaemon(true);
        thread.start();
    }

    private void consume() {
        try {
            while (running) {
                var records = consumer.poll(POLL);
                long now = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.topic().equals(enrichedTopic)) {
                        onEnriched(record, now);
                    } else {
                        Alert alert = alerts.deserialize(record.topic(), record.headers(), record.value());
                        received.add(new ReceivedAlert(now, alert.getStatus(), List.copyOf(alert.getSourceEventIds())));
                    }
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void onEnriched(ConsumerRecord<byte[], byte[]> record, long now) {
        long producedAt = RawTraffic.producedAt(record.headers());
        if (producedAt < 0) {
            return; // a record of the throughput run, still flowing
        }
        toEnriched.record(now - producedAt);
        AiUsageEvent event = events.deserialize(record.topic(), record.headers(), record.value());
        producedAtByEventId.put(event.getEventId(), producedAt);
    }

    /** Stops reading and computes the latencies. */
    Result stop() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(10).toMillis());
        if (failure != null) {
            throw new IllegalStateException("the latency probe failed", failure);
        }
        LatencyRecorder newAlerts = new LatencyRecorder("raw -> NEW alert");
        LatencyRecorder updatedAlerts = new LatencyRecorder("raw -> UPDATED alert (newest listed source)");
        long unresolved = 0;
        for (ReceivedAlert alert : received) {
            long newest = alert.sourceEventIds().stream().map(producedAtByEventId::get)
                    .filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(-1);
            if (newest < 0) {
                unresolved++;
            } else if (alert.status() == AlertStatus.NEW) {
                newAlerts.record(alert.receivedAt() - newest);
            } else {
                updatedAlerts.record(alert.receivedAt() - newest);
            }
        }
        return new Result(toEnriched.summary(), newAlerts.summary(), updatedAlerts.summary(), unresolved);
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }
}
