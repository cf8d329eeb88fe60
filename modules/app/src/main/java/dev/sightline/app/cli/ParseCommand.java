package dev.sightline.app.cli;

import dev.sightline.app.ship.LineReader;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.RejectReason;
import dev.sightline.model.SourceCoordinates;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Parses log files offline, exactly as the normalize stage would parse their lines from a raw topic. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {
            "Parses log files offline with the parser of the given format and writes each normalized event as one JSON "
                + "line to stdout. Every line of a file is one record, as when shipped to a raw topic: JSON formats "
                + "read JSON Lines (one JSON record, or one array of records, per line), not pretty-printed JSON.",
            "",
            "stdout: one JSON object per event. Field names and order are those of the AiUsageEvent schema; absent "
                + "values are null; timestamps are ISO-8601 UTC; maps have sorted keys. The prompt text ('content') is "
                + "never printed: 'contentPresent' and 'contentLength' (in code points) stand in for it.",
            "stderr: one line per rejected record, 'FILE:LINE[:INDEX]: REASON_CODE: reason' (the raw value is never "
                + "quoted), and at the end a summary per file: lines read, events parsed, lines skipped by a "
                + "documented rule (e.g. Squid error: lines), records rejected."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every file was read; rejected records are reported, they do not fail the run (unless --fail-on-reject).",
            "1:An unexpected failure.",
            "2:A usage error: unknown format, bad --logformat, a missing, unreadable or directory FILE.",
            "3:With --fail-on-reject: at least one record was rejected."})
final class ParseCommand implements Callable<Integer> {
    static final int EXIT_REJECTED = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "Input format: ${COMPLETION-CANDIDATES}.")
    String format;

    @Option(names = "--logformat", paramLabel = "DEFINITION",
            description = "With --format squid: the squid.conf logformat definition the proxy writes (the part after "
                    + "the format name, e.g. '%%ts.%%03tu %%6tr %%>a %%Ss/%%03>Hs %%<st %%rm %%ru %%[un %%Sh/%%<a %%mt').")
    String logformat;

    @Option(names = "--fail-on-reject", description = "Exit with code " + EXIT_REJECTED + " when any record was rejected.")
    boolean failOnReject;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files to parse; '-' reads stdin.")
    List<String> files;

    /** Where '-' reads from; tests replace it. */
    InputStream stdin = System.in;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        RecordParser parser = FormatOptions.parser(format, logformat);
        LogFileArguments.requireReadable(files);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long rejected = 0;
        for (String name : files) {
            Counts counts;
            if (name.equals(LogFileArguments.STDIN)) {
                counts = parse(parser, name, stdin, out, err);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(name))) {
                    counts = parse(parser, name, in, out, err);
                }
            }
            out.flush();
            err.println(name + ": " + counts);
            rejected += counts.rejected;
        }
        err.flush();
        return failOnReject && rejected > 0 ? EXIT_REJECTED : 0;
    }

    private Counts parse(RecordParser parser, String name, InputStream in, PrintWriter out, PrintWriter err)
            throws IOException {
        int maxBytes = ParserOptions.DEFAULT_MAX_RECORD_BYTES;
        LineReader reader = new LineReader(in, 0, 0, maxBytes);
        Counts counts = new Counts();
        for (LineReader.Line line = next(reader); line != null; line = next(reader)) {
            counts.read++;
            String where = name + ":" + line.number();
            if (line.oversized()) {
                reject(err, counts, where, RejectReason.TOO_LARGE.name(), "line is longer than " + maxBytes + " bytes");
                continue;
            }
            SourceCoordinates source = SourceCoordinates.newBuilder()
                    .setFormat(parser.format()).setFile(name).setLine(line.number()).build();
            List<ParseOutcome> outcomes;
            try {
                outcomes = parser.parse(new RawRecord(line.value(), source, clock.instant()));
            } catch (RuntimeException defect) {
                // as in the normalize stage: a parser defect is a rejected record, not the end of the run
                reject(err, counts, where, "PARSER_ERROR", "parser failed: " + defect.getClass().getSimpleName());
                continue;
            }
            for (ParseOutcome outcome : outcomes) {
                if (outcome instanceof ParseOutcome.Parsed parsed) {
                    counts.parsed++;
                    out.println(EventJson.render(parsed.event()));
                } else if (outcome instanceof ParseOutcome.Rejected r) {
                    reject(err, counts, r.index() == null ? where : where + ":" + r.index(), r.reasonCode().name(), r.reason());
                } else if (outcome instanceof ParseOutcome.Skipped skipped) {
                    counts.skipped.merge(skipped.rule(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** The next line, and at the end of the input its unterminated last line. */
    private static LineReader.Line next(LineReader reader) throws IOException {
        LineReader.Line line = reader.next();
        return line != null ? line : reader.rest();
    }

    private static void reject(PrintWriter err, Counts counts, String where, String code, String reason) {
        counts.rejected++;
        err.println(where + ": " + code + ": " + reason);
    }

    /** What became of one file's lines. */
    private static final class Counts {
        long read;
        long parsed;
        long rejected;
        final Map<String, Long> skipped = new TreeMap<>();

        @Override
        public String toString() {
            long skippedTotal = skipped.values().stream().mapToLong(Long::longValue).sum();
            String rules = skipped.isEmpty() ? "" : skipped.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ", " (", ")"));
            return "read " + read + " lines, parsed " + parsed + ", skipped " + skippedTotal + rules + ", rejected " + rejected;
        }
    }
}
