package dev.sightline.pipeline.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The last link of one partition's audit chain: what the next record continues from. Kept per output partition in
 * {@link GovernanceTopology#AUDIT_CHAIN_STORE}, whose changelog carries it across restarts and rebalances.
 */
record ChainHead(long sequence, String hash) {
    private static final byte V1 = 1;

    /** [version][sequence][UTF-8 hash]; the leading version makes a future layout change detectable. */
    static Serde<ChainHead> serde() {
        return Serdes.serdeFrom((topic, head) -> {
            if (head == null) {
                return null;
            }
            byte[] hash = head.hash().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + Long.BYTES + hash.length).put(V1).putLong(head.sequence()).put(hash).array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < 1 + Long.BYTES || bytes[0] != V1) {
                throw new SerializationException("unreadable audit chain head: " + bytes.length + " bytes, format "
                        + (bytes.length == 0 ? "none" : Byte.toString(bytes[0])) + " (expected " + V1 + ")");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            long sequence = buffer.getLong();
            return new ChainHead(sequence, new String(bytes, 1 + Long.BYTES, bytes.length - 1 - Long.BYTES,
                    StandardCharsets.UTF_8));
        });
    }
}
