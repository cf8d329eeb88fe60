package dev.sightline.pipeline.governance;

import dev.sightline.model.AuditRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every audit record of its partition in {@value GovernanceTopology#AUDIT_INDEX_STORE} (keys: {@link AuditIndex})
 * for the query API, for {@code retention} in event time. A replayed event has the same record id, so it replaces its
 * earlier record instead of counting twice. Expired records are removed by a wall-clock sweep that visits at most
 * {@value #SWEEP_BATCH} keys per run, so a large store never stalls processing for long.
 */
final class AuditIndexProcessor implements Processor<String, ChainedAudit, Void, Void> {
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    static final int SWEEP_BATCH = 10_000;

    private final Duration retention;
    private final Clock clock;
    private KeyValueStore<Bytes, byte[]> index;
    /** Where the next sweep resumes; null = from the first key. In memory only: after a restart a sweep starts over. */
    private Bytes sweepFrom;

    AuditIndexProcessor(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        index = context.getStateStore(GovernanceTopology.AUDIT_INDEX_STORE);
        context.schedule(SWEEP_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> sweep());
    }

    @Override
    public void process(Record<String, ChainedAudit> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        AuditRecord audit = record.value().record();
        long eventTime = audit.getEventTime().toEpochMilli();
        if (eventTime >= oldestKept()) {
            index.put(AuditIndex.key(record.key(), eventTime, audit.getRecordId()), record.value().bytes());
        }
    }

    /** Deletes expired records among the next {@value #SWEEP_BATCH} keys. */
    void sweep() {
        long oldestKept = oldestKept();
        List<Bytes> expired = new ArrayList<>();
        int visited = 0;
        try (KeyValueIterator<Bytes, byte[]> keys = index.range(sweepFrom, null)) {
            while (visited < SWEEP_BATCH && keys.hasNext()) {
                Bytes key = keys.next().key;
                visited++;
                if (AuditIndex.eventTimeMillis(key) < oldestKept) {
                    expired.add(key);
                }
            }
            sweepFrom = keys.hasNext() ? keys.peekNextKey() : null;
        }
        expired.forEach(index::delete);
    }

    private long oldestKept() {
        return clock.millis() - retention.toMillis();
    }
}
