package dev.sightline.pipeline.enrich;

import dev.sightline.pipeline.reference.DecodedTable;
import dev.sightline.pipeline.reference.ReferenceRecords;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One reference table (ref.ai-tools, ref.identities, ref.data-assets) in memory, next to its global store, with a
 * compiled form — an index or matcher — that the enrichment reads for every event.
 *
 * <p>The global-store thread writes records; stream threads read {@link #snapshot()}. The compiled form is immutable
 * and rebuilt copy-on-write, lazily: the first event after a change rebuilds it once, however many records changed
 * since, and every other event only compares a counter. Never rebuilt per event.
 *
 * @param <V> record type
 * @param <S> compiled form
 */
final class ReferenceTable<V, S> implements ReferenceRecords<V> {
    private record Compiled<S>(long generation, S snapshot) {
    }

    private final Function<Map<String, V>, S> compiler;
    private final DecodedTable<V> records = new DecodedTable<>();
    /** Bumped after every change to {@link #records}: a reader that sees the new value also sees the change. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Compiled<S> compiled;

    /** @param compiler builds the compiled form from the records sorted by key (so that rebuilds are deterministic) */
    ReferenceTable(Function<Map<String, V>, S> compiler) {
        this.compiler = compiler;
    }

    @Override
    public void put(String key, V value) {
        records.put(key, value);
        generation.incrementAndGet();
    }

    @Override
    public boolean remove(String key) {
        boolean removed = records.remove(key);
        if (removed) {
            generation.incrementAndGet();
        }
        return removed;
    }

    @Override
    public void replaceAll(KeyValueStore<String, V> store) {
        records.replaceAll(store);
        generation.incrementAndGet();
    }

    /** The records themselves, for stages that look them up by key. */
    DecodedTable<V> decoded() {
        return records;
    }

    /** The compiled form of the records as they are now. */
    S snapshot() {
        Compiled<S> current = compiled;
        if (current != null && current.generation() == generation.get()) {
            return current.snapshot();
        }
        synchronized (this) {
            long wanted = generation.get();
            current = compiled;
            if (current == null || current.generation() != wanted) {
                current = new Compiled<>(wanted, compiler.apply(records.sortedCopy()));
                compiled = current;
            }
            return current.snapshot();
        }
    }
}
