package dev.sightline.pipeline.reference;

import org.apache.kafka.streams.state.KeyValueStore;

/** An in-memory view of a reference topic that its global-store processor keeps in step with the store. */
public interface ReferenceRecords<V> {
    void put(String key, V value);

    /** @return whether the key was there */
    boolean remove(String key);

    /** Makes the records equal to the store's: on start, the store holds what was restored from the topic. */
    void replaceAll(KeyValueStore<String, V> store);
}
