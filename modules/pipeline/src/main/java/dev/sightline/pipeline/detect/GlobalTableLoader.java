package dev.sightline.pipeline.detect;

import dev.sightline.pipeline.reference.DecodedTable;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a global store and its {@link DecodedTable} equal to their compacted reference topic: a value replaces, a
 * tombstone removes.
 */
final class GlobalTableLoader<V> implements Processor<String, V, Void, Void> {
    private final String storeName;
    private final DecodedTable<V> table;
    private KeyValueStore<String, V> store;

    GlobalTableLoader(String storeName, DecodedTable<V> table) {
        this.storeName = storeName;
        this.table = table;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        table.replaceAll(store);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return; // a reference record without a key cannot be looked up; the importers always set one
        }
        if (record.value() == null) {
            store.delete(record.key());
            table.remove(record.key());
        } else {
            store.put(record.key(), record.value());
            table.put(record.key(), record.value());
        }
    }
}
