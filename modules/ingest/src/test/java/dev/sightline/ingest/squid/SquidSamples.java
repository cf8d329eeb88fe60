package dev.sightline.ingest.squid;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.SourceCoordinates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real Squid 5.7 logs of the shared data directory, and helpers to feed lines to a parser. */
final class SquidSamples {
    /** Relative to the module directory, which is the test working directory. */
    static final Path DIR = Path.of("../../../shared/data/squid");
    static final Instant RECEIVED = Instant.parse("2026-11-28T00:00:00Z");

    private SquidSamples() {
    }

    static void assumePresent() {
        assumeTrue(Files.isDirectory(DIR), "Squid sample data not found at " + DIR.toAbsolutePath().normalize()
                + ": real-log tests skipped");
    }

    static List<String> lines(String file) {
        try {
            return Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RawRecord record(String format, String file, long lineNo, byte[] bytes) {
        SourceCoordinates source = SourceCoordinates.newBuilder().setFormat(format).setFile(file).setLine(lineNo)
                .build();
        return new RawRecord(bytes, source, RECEIVED);
    }

    static ParseOutcome parseOne(RecordParser parser, String line) {
        List<ParseOutcome> outcomes = parser.parse(
                record(parser.format(), "test.log", 1, line.getBytes(StandardCharsets.UTF_8)));
        if (outcomes.size() != 1) {
            throw new AssertionError("expected one outcome, got " + outcomes.size());
        }
        return outcomes.get(0);
    }

    /** Every line of a sample file through the parser, in order. */
    static List<ParseOutcome> parseFile(RecordParser parser, String file) {
        List<String> lines = lines(file);
        List<ParseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byte[] bytes = (lines.get(i) + "\n").getBytes(StandardCharsets.UTF_8);
            List<ParseOutcome> result = parser.parse(record(parser.format(), file, i + 1, bytes));
            if (result.size() != 1) {
                throw new AssertionError(file + ":" + (i + 1) + " gave " + result.size() + " outcomes");
            }
            outcomes.add(result.get(0));
        }
        return outcomes;
    }
}
