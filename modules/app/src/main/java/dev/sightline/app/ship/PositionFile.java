package dev.sightline.app.ship;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code sightline ship} stopped in each input file: a small JSON document, replaced atomically (write a
 * temporary file, force it to disk, rename) so that a crash leaves either the old or the new version, never a torn one.
 *
 * <pre>{@code
 * {"version":1,"files":[{"path":"/var/log/squid/access.log","fileKey":"(dev=803,ino=1234)","shipId":"…",
 *   "size":22757,"offset":22757,"line":193,"linesSent":193,"updatedAt":"2026-11-27T18:56:32Z"}]}
 * }</pre>
 */
public final class PositionFile {
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule("iso-instant")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new IsoInstant()))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * The shipping state of one input file, as of the last acknowledged batch.
     *
     * @param path      absolute path of the file
     * @param fileKey   the file system's identity of the file (device and inode on Linux); tells a rotated file
     *                  (same path, new file) from the one shipped before
     * @param shipId    id of this shipment of the file's content from its first byte; every record carries it in a
     *                  header, so that records of an earlier content under the same path (before a truncation) are
     *                  never mistaken for this one's
     * @param size      file size when the entry was written (a smaller size later means it was truncated)
     * @param offset    byte offset of the next line not yet sent
     * @param line      number of the last line before {@code offset} (0 at the start)
     * @param linesSent lines acknowledged by the broker in this shipment (oversized lines are not sent)
     * @param updatedAt when the entry was written; the records sent after it are searched for on restart
     */
    public record Entry(String path, String fileKey, String shipId, long size, long offset, long line, long linesSent,
                        Instant updatedAt) {
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fileKey, "fileKey");
            Objects.requireNonNull(shipId, "shipId");
            Objects.requireNonNull(updatedAt, "updatedAt");
            if (offset < 0 || line < 0 || linesSent < 0 || size < 0) {
                throw new IllegalArgumentException("negative position for " + path);
            }
        }
    }

    private record Document(int version, List<Entry> files) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private PositionFile(Path file) {
        this.file = file;
    }

    /**
     * Reads the position file, or starts an empty one when it does not exist yet.
     *
     * @throws PositionFileException when it exists but cannot be read or is not a position file
     */
    public static PositionFile open(Path file) {
        PositionFile positions = new PositionFile(file);
        if (!Files.exists(file)) {
            return positions;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new PositionFileException("cannot read position file " + file + " (not a readable regular file)");
        }
        try {
            Document document = JSON.readValue(file.toFile(), Document.class);
            if (document == null || document.version() != VERSION || document.files() == null) {
                throw new PositionFileException("position file " + file + " is not a version " + VERSION
                        + " position file; move it away to start over");
            }
            document.files().forEach(entry -> positions.entries.put(entry.path(), entry));
            return positions;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PositionFileException("position file " + file + " is damaged (" + summary(e)
                    + "); move it away to start over", e);
        } catch (IOException e) {
            throw new PositionFileException("cannot read position file " + file + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return file;
    }

    public Optional<Entry> get(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    public void put(Entry entry) {
        entries.put(entry.path(), entry);
    }

    /**
     * Writes every entry and forces it to disk before replacing the previous version.
     *
     * @throws PositionFileException naming the file when it cannot be written
     */
    public void save() {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try {
                byte[] bytes = JSON.writeValueAsBytes(new Document(VERSION, new ArrayList<>(entries.values())));
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(bytes));
                    channel.force(true);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PositionFileException("cannot write position file " + file + ": " + e.getMessage(), e);
        }
    }

    /** ISO-8601 instants, readable by people; the jsr310 module would be a dependency for this one type. */
    private static final class IsoInstant extends StdScalarDeserializer<Instant> {
        IsoInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return Instant.parse(parser.getValueAsString(""));
            } catch (java.time.DateTimeException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getValueAsString(""),
                        "not an ISO-8601 instant");
            }
        }
    }

    private static String summary(Exception e) {
        String message = e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
