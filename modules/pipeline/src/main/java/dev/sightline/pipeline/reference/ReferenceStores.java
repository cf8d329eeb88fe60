package dev.sightline.pipeline.reference;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a reference topic (ref.*) as a global store whose processor also keeps an in-memory
 * {@link ReferenceRecords} view, so that stream threads read objects instead of decoding the store per event.
 */
public final class ReferenceStores {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceStores.class);

    private ReferenceStores() {
    }

    /** Global stores hold the whole table on every instance and restore from the topic itself: no changelog. */
    public static <V> void register(StreamsBuilder builder, String topic, String sourceName, String storeName,
                                    Serde<V> serde, ReferenceRecords<V> records) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(storeName), Serdes.String(), serde)
                        .withLoggingDisabled(),
                topic,
                Consumed.with(Serdes.String(), serde).withName(sourceName),
                () -> new Loader<>(storeName, records));
    }

    /** Writes each record to the store and the view; a tombstone deletes from both. Runs on the global thread. */
    private static final class Loader<V> implements Processor<String, V, Void, Void> {
        private final String storeName;
        private final ReferenceRecords<V> records;
        private KeyValueStore<String, V> store;

        Loader(String storeName, ReferenceRecords<V> records) {
            this.storeName = storeName;
            this.records = records;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
            records.replaceAll(store);
        }

        @Override
        public void process(Record<String, V> record) {
            if (record.key() == null) {
                // a reference record without a key cannot be looked up; the importers always set one
                LOG.warn("{}: ignored a record without key", storeName);
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
                records.remove(record.key());
            } else {
                store.put(record.key(), record.value());
                records.put(record.key(), record.value());
            }
        }
    }
}
