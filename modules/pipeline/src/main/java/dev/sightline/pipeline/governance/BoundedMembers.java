package dev.sightline.pipeline.governance;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Exact distinct counting with a cap, on a RocksDB store of membership keys ({@code group NUL member}). Chosen over a
 * count-distinct sketch because the figures are evidence: an auditor can have "12 distinct users" explained and
 * listed, which a sketch's estimate cannot give, and an organisation's users and departments are few enough per
 * tool or edge for exact sets. The cap bounds the store at (groups x cap) keys; past it a count stops growing and
 * is a lower bound, which {@link #add} reports so that the caller can count it in a metric.
 */
final class BoundedMembers {
    /** What {@link #add} did. */
    enum Added { NEW, KNOWN, CAPPED }

    private static final byte[] PRESENT = new byte[0];
    private static final char SEPARATOR = '\u0000';

    private final KeyValueStore<String, byte[]> store;

    BoundedMembers(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /**
     * @param count the group's distinct count so far (what the caller keeps in its aggregate)
     * @param cap   most members remembered per group
     */
    Added add(String group, String member, long count, int cap) {
        String key = group + SEPARATOR + member;
        if (store.get(key) != null) {
            return Added.KNOWN;
        }
        if (count >= cap) {
            return Added.CAPPED;
        }
        store.put(key, PRESENT);
        return Added.NEW;
    }
}
