package dev.sightline.app.ship;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers {@code sightline ship} puts on every record: provenance for people and for the shipper itself, which
 * reads them back on restart to find the lines that reached the topic after its last saved position.
 */
public final class ShipHeaders {
    /** Input format name (as for {@code --format}); the record value is the line as written. */
    public static final String FORMAT = "sightline.format";
    /** Absolute path of the input file, or {@code -} for stdin. */
    public static final String FILE = "sightline.file";
    /** Id of one shipment of one file's content from its first byte (see {@link PositionFile.Entry#shipId()}). */
    public static final String SHIP_ID = "sightline.ship.id";
    /** 1-based line number in the file, decimal. */
    public static final String LINE = "sightline.line";

    private ShipHeaders() {
    }

    static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** The header's value as text, if present. */
    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }
}
