package dev.sightline.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.SourceCoordinates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Sample records under {@code src/test/resources/samples/<format>/} (one record per line) and parsing helpers. */
public final class Samples {
    /** When the test records were "received"; sample event times lie shortly before. */
    public static final Instant RECEIVED_AT = Instant.parse("2025-07-01T12:00:00Z");

    private Samples() {
    }

    /** The non-blank lines of a sample file, each one record as shipped. */
    public static List<String> lines(String format, String file) {
        String resource = "/samples/" + format + "/" + file;
        try (InputStream in = Samples.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n")).filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RawRecord raw(String format, byte[] value) {
        SourceCoordinates source = SourceCoordinates.newBuilder().setFormat(format).build();
        return new RawRecord(value, source, RECEIVED_AT);
    }

    public static List<ParseOutcome> parse(RecordParser parser, String json) {
        return parser.parse(raw(parser.format(), json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The one event a single-record message must yield. */
    public static AiUsageEvent event(RecordParser parser, String json) {
        List<ParseOutcome> outcomes = parse(parser, json);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0)).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcomes.get(0)).event();
    }

    /** The one rejection a single-record message must yield. */
    public static ParseOutcome.Rejected rejected(RecordParser parser, String json) {
        List<ParseOutcome> outcomes = parse(parser, json);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0)).isInstanceOf(ParseOutcome.Rejected.class);
        return (ParseOutcome.Rejected) outcomes.get(0);
    }
}
