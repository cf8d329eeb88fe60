package dev.sightline.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic event ids: the same source record always gets the same id, whichever offset or file it is replayed
 * from, so downstream consumers can recognise a replay.
 */
public final class EventIds {
    private static final HexFormat HEX = HexFormat.of();

    private EventIds() {
    }

    /** Id for a record without an id of its own: a hash of the format, the record bytes and its element index. */
    public static String fromContent(String format, byte[] record, int index) {
        MessageDigest sha = sha256();
        sha.update(format.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(record);
        sha.update((byte) 0);
        sha.update(Integer.toString(index).getBytes(StandardCharsets.US_ASCII));
        return format + ":" + HEX.formatHex(sha.digest(), 0, 16);
    }

    /** Id for a record that carries its own unique id (an M365 audit Id, a ChatGPT message id). */
    public static String fromSourceId(String format, String sourceId) {
        return format + ":" + sourceId;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
