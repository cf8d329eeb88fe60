package dev.sightline.pipeline.enrich;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of a reference topic's global store: writes each record to the store and to the in-memory
 * {@link ReferenceTable}; a tombstone deletes from both. Runs on the global-store thread.
 */
final class ReferenceUpdater<V> implements Processor<String, V, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceUpdater.class);

    private final String storeName;
    private final ReferenceTable<V, ?> table;
    private KeyValueStore<String, V> store;

    ReferenceUpdater(String storeName, ReferenceTable<V, ?> table) {
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
            LOG.warn("{}: ignored a record without key", storeName);
            return;
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
