package dev.sightline.pipeline.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of {@value GovernanceTopology#AUDIT_INDEX_STORE}: {@code user key | event time | record id}, so that one user's
 * records lie together in event-time order and "alice, March" is one range scan. Layout: the user key's UTF-8 length
 * (4 bytes) and bytes, the event time in milliseconds (8 bytes big-endian, sign bit flipped so that byte order is
 * numeric order), the record id's UTF-8 bytes. The user key is the record key of the events topic (the user, or
 * {@code anonymous@<ip>}), which also decides the partition, hence the instance, that holds the record. Values are
 * the audit records' Avro bytes as the audit topic holds them (wire format with schema id), decoded by the reader.
 */
public final class AuditIndex {
    private static final int LENGTH_BYTES = Integer.BYTES;
    /** Greater than every byte of UTF-8 text, so it closes a range after any record id. */
    private static final byte AFTER_ANY_TEXT = (byte) 0xFF;

    private AuditIndex() {
    }

    public static Bytes key(String userKey, long eventTimeMillis, String recordId) {
        byte[] user = userKey.getBytes(StandardCharsets.UTF_8);
        byte[] id = recordId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(LENGTH_BYTES + user.length + Long.BYTES + id.length)
                .putInt(user.length).put(user).putLong(eventTimeMillis ^ Long.MIN_VALUE).put(id).array());
    }

    /** The first possible key of {@code userKey} at or after {@code fromMillis}. */
    public static Bytes lowerBound(String userKey, long fromMillis) {
        return key(userKey, fromMillis, "");
    }

    /** A key after every key of {@code userKey} at or before {@code untilMillis} (for inclusive range ends). */
    public static Bytes upperBound(String userKey, long untilMillis) {
        byte[] last = key(userKey, untilMillis, "").get();
        byte[] bound = Arrays.copyOf(last, last.length + 1);
        bound[last.length] = AFTER_ANY_TEXT;
        return Bytes.wrap(bound);
    }

    public static long eventTimeMillis(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        return buffer.getLong(LENGTH_BYTES + buffer.getInt(0)) ^ Long.MIN_VALUE;
    }

    public static String recordId(Bytes key) {
        byte[] bytes = key.get();
        int start = LENGTH_BYTES + ByteBuffer.wrap(bytes).getInt(0) + Long.BYTES;
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
}
