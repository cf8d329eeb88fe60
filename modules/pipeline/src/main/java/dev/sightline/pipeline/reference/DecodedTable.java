package dev.sightline.pipeline.reference;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The records of one global store as objects, for processors that read them for every event. A global store keeps
 * serialized bytes: decoding the policy or a catalog entry on every read cost more than the rules it feeds. The
 * global-store processor writes the store (for restoration) and this table alike, so readers see the same updates in
 * the same order as the store's. Thread-safe: one writer (the global thread), any number of readers.
 */
public final class DecodedTable<V> implements ReferenceRecords<V> {
    private final Map<String, V> records = new ConcurrentHashMap<>();

    public V get(String key) {
        return key == null ? null : records.get(key);
    }

    @Override
    public void put(String key, V value) {
        records.put(key, value);
    }

    @Override
    public boolean remove(String key) {
        return records.remove(key) != null;
    }

    @Override
    public void replaceAll(KeyValueStore<String, V> store) {
        Map<String, V> restored = new TreeMap<>();
        try (KeyValueIterator<String, V> all = store.all()) {
            all.forEachRemaining(entry -> restored.put(entry.key, entry.value));
        }
        records.keySet().retainAll(restored.keySet());
        records.putAll(restored);
    }

    /** A copy sorted by key, so that what is compiled from it does not depend on arrival order. */
    public Map<String, V> sortedCopy() {
        return new TreeMap<>(records);
    }
}
