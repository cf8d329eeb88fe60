package dev.sightline.pipeline.detect;

import dev.sightline.detect.AlertCandidate;
import dev.sightline.detect.AlertDeduplicator;
import dev.sightline.detect.DedupState;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.Detector;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.pipeline.metrics.DetectMetrics;
import dev.sightline.pipeline.reference.RuleReferences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a group of rules on the events of its partition, deduplicates their alerts per alert id in a window store, and
 * writes NEW/UPDATED alerts keyed by alert id. Held updates are flushed by a stream-time punctuator; key-value state
 * not written for its retention is deleted by another, so no store grows without bound.
 */
final class DetectProcessor implements Processor<String, AiUsageEvent, String, Alert> {
    private static final Logger LOG = LoggerFactory.getLogger(DetectProcessor.class);
    /** How often expired key-value state is swept, in stream time. */
    private static final Duration EXPIRY_SWEEP = Duration.ofHours(1);

    /** What the rule factory may use of the task: its stores by name and its stream time. */
    interface StoreLookup {
        <S extends StateStore> S store(String name);

        long streamTimeMs();
    }

    /** Store names of one processor's dedup state. */
    record DedupStores(String alerts, String pending) {
    }

    private final Function<StoreLookup, List<DetectionRule>> ruleFactory;
    private final DedupStores dedupStores;
    private final RuleReferences references;
    private final Map<String, Duration> expiringStores;
    private final AlertDeduplicator deduplicator;
    private final Duration flushInterval;
    private final DetectMetrics metrics;
    private final Clock clock;

    private ProcessorContext<String, Alert> context;
    private Detector detector;
    private WindowStore<String, DedupState> alerts;
    private KeyValueStore<String, Long> pending;

    /**
     * @param ruleFactory    makes the rules from a store lookup (by name), once per task
     * @param expiringStores timestamped key-value stores and how long an entry lives after its last write
     */
    DetectProcessor(Function<StoreLookup, List<DetectionRule>> ruleFactory, DedupStores dedupStores,
                    RuleReferences references, Map<String, Duration> expiringStores, Duration flushInterval,
                    DetectMetrics metrics, Clock clock) {
        this.ruleFactory = ruleFactory;
        this.dedupStores = dedupStores;
        this.references = references;
        this.expiringStores = Map.copyOf(expiringStores);
        this.deduplicator = new AlertDeduplicator(flushInterval);
        this.flushInterval = flushInterval;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        detector = new Detector(ruleFactory.apply(new StoreLookup() {
            @Override
            public <S extends StateStore> S store(String name) {
                return context.getStateStore(name);
            }

            @Override
            public long streamTimeMs() {
                return context.currentStreamTimeMs();
            }
        }));
        alerts = context.getStateStore(dedupStores.alerts());
        pending = context.getStateStore(dedupStores.pending());
        context.schedule(flushInterval, PunctuationType.STREAM_TIME, this::flushPending);
        if (!expiringStores.isEmpty()) {
            context.schedule(EXPIRY_SWEEP, PunctuationType.STREAM_TIME, this::expire);
        }
    }

    @Override
    public void process(Record<String, AiUsageEvent> record) {
        AiUsageEvent event = record.value();
        if (event == null) {
            return; // a tombstone on an event topic carries nothing to detect
        }
        Detector.Result result = detector.detect(event, references.detectionContext(), clock.instant());
        for (Detector.RuleFailure failure : result.failedRules()) {
            metrics.ruleFailed(failure.ruleId());
            LOG.warn("rule {} failed on event {}: {}", failure.ruleId(), event.getEventId(), failure.exceptionType());
        }
        for (AlertCandidate candidate : result.candidates()) {
            offer(candidate);
        }
    }

    private void offer(AlertCandidate candidate) {
        String alertId = candidate.alert().getAlertId();
        long windowStart = candidate.windowStart().toEpochMilli();
        Optional<DedupState> current = Optional.ofNullable(alerts.fetch(alertId, windowStart));
        AlertDeduplicator.Outcome outcome = deduplicator.offer(current, candidate.alert(), clock.instant());
        if (outcome instanceof AlertDeduplicator.Outcome.Unchanged) {
            return;
        }
        alerts.put(alertId, outcome.state(), windowStart);
        if (outcome instanceof AlertDeduplicator.Outcome.Emit emit) {
            pending.delete(alertId);
            write(emit.alert());
        } else {
            pending.put(alertId, windowStart);
        }
    }

    private void flushPending(long streamTime) {
        List<KeyValue<String, Long>> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = pending.all()) {
            all.forEachRemaining(due::add);
        }
        for (KeyValue<String, Long> entry : due) {
            DedupState state = alerts.fetch(entry.key, entry.value);
            if (state == null) {
                pending.delete(entry.key); // the alert's window has left the store's retention
                continue;
            }
            deduplicator.flush(state, Instant.ofEpochMilli(streamTime), clock.instant()).ifPresent(emit -> {
                alerts.put(entry.key, emit.state(), entry.value);
                pending.delete(entry.key);
                write(emit.alert());
            });
        }
    }

    private void write(Alert alert) {
        metrics.alertWritten(alert.getRuleId(), alert.getSeverity(), alert.getStatus().name(), alert.getControls());
        context.forward(new Record<>(alert.getAlertId(), alert, alert.getLastSeen().toEpochMilli()));
    }

    private void expire(long streamTime) {
        expiringStores.forEach((name, retention) -> {
            TimestampedKeyValueStore<String, Object> store = context.getStateStore(name);
            long cutoff = streamTime - retention.toMillis();
            List<String> expired = new ArrayList<>();
            try (KeyValueIterator<String, ValueAndTimestamp<Object>> all = store.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value.timestamp() < cutoff) {
                        expired.add(entry.key);
                    }
                });
            }
            expired.forEach(store::delete);
        });
    }
}
