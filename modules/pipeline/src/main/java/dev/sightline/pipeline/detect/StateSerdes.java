package dev.sightline.pipeline.detect;

import dev.sightline.detect.DedupState;
import dev.sightline.detect.state.Ewma;
import dev.sightline.detect.state.ToolSighting;
import dev.sightline.detect.state.UserUsage;
import dev.sightline.model.Alert;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of the detection state. Fixed binary layouts with a leading format version, so a layout change is detected
 * rather than misread; the alert inside a dedup state goes through the registry-backed Avro serde, which carries its
 * own schema evolution.
 */
final class StateSerdes {
    private static final byte V1 = 1;

    private StateSerdes() {
    }

    static Serde<ToolSighting> toolSighting() {
        return fixed("tool sighting", 16, (s, b) -> b.putLong(s.firstSeen().toEpochMilli()).putLong(s.lastSeen().toEpochMilli()),
                b -> new ToolSighting(Instant.ofEpochMilli(b.getLong()), Instant.ofEpochMilli(b.getLong())));
    }

    static Serde<Ewma> ewma() {
        return fixed("baseline", 24, StateSerdes::putEwma, StateSerdes::getEwma);
    }

    static Serde<UserUsage> userUsage() {
        return fixed("user usage", 16 + 24, (u, b) -> {
            b.putLong(u.windowStart().toEpochMilli()).putLong(u.windowBytes());
            putEwma(u.baseline(), b);
        }, b -> new UserUsage(Instant.ofEpochMilli(b.getLong()), b.getLong(), getEwma(b)));
    }

    /** [version][lastEmittedAt][emittedCount][pending][Avro alert as the registry serde writes it]. */
    static Serde<DedupState> dedupState(Serde<Alert> alertSerde, String storeName) {
        int header = 1 + 8 + 8 + 1;
        return Serdes.serdeFrom((topic, state) -> {
            if (state == null) {
                return null;
            }
            byte[] alert = alertSerde.serializer().serialize(storeName, state.alert());
            return ByteBuffer.allocate(header + alert.length).put(V1).putLong(state.lastEmittedAt().toEpochMilli())
                    .putLong(state.emittedCount()).put((byte) (state.pending() ? 1 : 0)).put(alert).array();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            ByteBuffer buffer = versioned("dedup state", bytes, header);
            Instant lastEmitted = Instant.ofEpochMilli(buffer.getLong());
            long count = buffer.getLong();
            boolean pending = buffer.get() == 1;
            Alert alert = alertSerde.deserializer().deserialize(storeName, Arrays.copyOfRange(bytes, header, bytes.length));
            return new DedupState(alert, lastEmitted, count, pending);
        });
    }

    private static void putEwma(Ewma e, ByteBuffer b) {
        b.putDouble(e.mean()).putDouble(e.variance()).putLong(e.samples());
    }

    private static Ewma getEwma(ByteBuffer b) {
        return new Ewma(b.getDouble(), b.getDouble(), b.getLong());
    }

    private static <T> Serde<T> fixed(String what, int size, BiConsumer<T, ByteBuffer> write, Function<ByteBuffer, T> read) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 + size).put(V1);
            write.accept(value, buffer);
            return buffer.array();
        }, (topic, bytes) -> bytes == null ? null : read.apply(versioned(what, bytes, 1 + size)));
    }

    private static ByteBuffer versioned(String what, byte[] bytes, int minLength) {
        if (bytes.length < minLength || bytes[0] != V1) {
            throw new SerializationException("unreadable " + what + " state: " + bytes.length + " bytes, format "
                    + (bytes.length == 0 ? "none" : Byte.toString(bytes[0])) + " (expected " + V1 + ")");
        }
        return ByteBuffer.wrap(bytes, 1, bytes.length - 1);
    }
}
