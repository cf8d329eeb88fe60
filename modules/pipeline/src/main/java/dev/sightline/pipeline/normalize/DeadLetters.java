package dev.sightline.pipeline.normalize;

import dev.sightline.model.DeadLetter;
import dev.sightline.config.DeadLetterRawMode;
import dev.sightline.model.SourceCoordinates;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** Builds DeadLetter records: raw bytes (or only their hash), the reason and the coordinates to find the record. */
public final class DeadLetters {
    /**
     * Raw records larger than this keep only their hash, whatever the mode: the dead letter must fit Kafka's default
     * message limit (1 MiB, broker and producer), or writing it would fail the task and the record would stop the
     * stream instead of being set aside.
     */
    public static final int MAX_RAW_BYTES = 512 * 1024;

    private final DeadLetterRawMode mode;

    public DeadLetters(DeadLetterRawMode mode) {
        this.mode = mode;
    }

    public DeadLetter of(String stage, String parser, String reasonCode, String reason, SourceCoordinates source,
                         Integer index, Instant recordTimestamp, byte[] rawKey, byte[] raw, Instant now) {
        byte[] value = raw == null ? new byte[0] : raw;
        boolean keep = mode == DeadLetterRawMode.KEEP && value.length <= MAX_RAW_BYTES;
        return DeadLetter.newBuilder()
                .setId(idOf(source, index))
                .setTime(now)
                .setStage(stage)
                .setParser(parser)
                .setReasonCode(reasonCode)
                .setReason(reason)
                .setSource(source)
                .setRecordTimestamp(recordTimestamp)
                .setRawKey(keep && rawKey != null ? ByteBuffer.wrap(rawKey) : null)
                .setRaw(keep ? ByteBuffer.wrap(value) : null)
                .setRawSha256(HexFormat.of().formatHex(sha256(value)))
                .setRawLength(value.length)
                .build();
    }

    /** The Kafka key of a dead letter: its source coordinates, so all rejects of one partition stay together. */
    public static String keyOf(SourceCoordinates source) {
        if (source.getTopic() != null) {
            return source.getTopic() + "/" + source.getPartition() + "/" + source.getOffset();
        }
        return source.getFile() + ":" + source.getLine();
    }

    private static String idOf(SourceCoordinates source, Integer index) {
        return keyOf(source) + (index == null ? "" : "#" + index);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
