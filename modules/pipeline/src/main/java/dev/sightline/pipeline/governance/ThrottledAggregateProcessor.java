package dev.sightline.pipeline.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps one aggregate per key in a changelogged store and writes it to a compacted topic, rate-limited: a new key or
 * a material change (what a reader acts on, e.g. a sanction change) is written at once; counters and timestamps are
 * marked pending and written by a wall-clock punctuator at most once per interval, so a hot key costs one record
 * per interval however busy it is, and the last update goes out even when traffic stops.
 *
 * @param <I> what one input record contributes
 * @param <V> the aggregate
 */
abstract class ThrottledAggregateProcessor<I, V> implements Processor<String, I, String, V> {
    /** Store names of one aggregate. */
    record StoreNames(String aggregates, String members, String pending) {
    }

    private final StoreNames stores;
    private final Duration interval;
    private final Runnable onWrite;
    private final Clock clock;

    private ProcessorContext<String, V> context;
    private KeyValueStore<String, V> aggregates;
    private KeyValueStore<String, Long> pending;
    protected BoundedMembers members;

    /** @param onWrite called for every record written (a metric) */
    ThrottledAggregateProcessor(StoreNames stores, Duration interval, Runnable onWrite, Clock clock) {
        this.stores = stores;
        this.interval = interval;
        this.onWrite = onWrite;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, V> context) {
        this.context = context;
        aggregates = context.getStateStore(stores.aggregates());
        pending = context.getStateStore(stores.pending());
        members = new BoundedMembers(context.getStateStore(stores.members()));
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, this::flush);
    }

    /** The aggregate after {@code input}; {@code current} is null for a new key. */
    protected abstract V merge(String key, V current, I input, Instant now);

    /** Whether the change must be written at once rather than with the next flush. */
    protected abstract boolean material(V before, V after);

    /** The aggregate as written, with its write time. */
    protected abstract V stamped(V value, Instant updatedAt);

    @Override
    public void process(Record<String, I> record) {
        if (record.key() == null || record.value() == null) {
            return; // the keying step always sets both; a tombstone carries nothing to count
        }
        V before = aggregates.get(record.key());
        V after = merge(record.key(), before, record.value(), clock.instant());
        aggregates.put(record.key(), after);
        if (before == null || material(before, after)) {
            pending.delete(record.key());
            write(record.key(), after);
        } else {
            pending.put(record.key(), clock.millis());
        }
    }

    private void flush(long wallClockMs) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, Long> all = pending.all()) {
            all.forEachRemaining(entry -> due.add(entry.key));
        }
        for (String key : due) {
            V value = aggregates.get(key);
            if (value != null) {
                write(key, value);
            }
            pending.delete(key);
        }
    }

    private void write(String key, V value) {
        Instant now = clock.instant();
        onWrite.run();
        context.forward(new Record<>(key, stamped(value, now), now.toEpochMilli()));
    }
}
