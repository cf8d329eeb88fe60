package dev.sightline.app.cli;

import dev.sightline.classify.ContentScanner;
import dev.sightline.classify.JsonLinesScanner;
import dev.sightline.classify.ScannerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The sensitive-content scanner over JSON lines, as the ARCHITECTURE.md contract describes. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {
            "Scans text for sensitive data. Reads JSON lines {\"id\",\"text\"} from FILE or standard input and writes "
                + "one line {\"id\",\"findings\":[{\"type\",\"data_class\",\"start\",\"end\",\"confidence\"}]} per "
                + "document. Offsets are Unicode code points, end exclusive. No sensitive value is ever printed.",
            "A line that is not such a JSON object is reported on stderr with its line number; the others are still "
                + "scanned and the exit code stays 0."})
final class ScanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", defaultValue = LogFileArguments.STDIN,
            description = "JSON lines to scan; - or none for standard input.")
    String file;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Scan at most this many bytes of each text (reported as truncated). Default: ${DEFAULT-VALUE}.")
    int maxBytes;

    @Option(names = "--code-namespace", paramLabel = "PREFIX",
            description = "An internal package namespace (e.g. com.acme.) marking PROPRIETARY_CODE. Repeatable.")
    List<String> codeNamespaces = List.of();

    @Option(names = "--code-notice", paramLabel = "TEXT",
            description = "A copyright or confidentiality notice (e.g. \"Copyright Acme Corp\") marking PROPRIETARY_CODE. Repeatable.")
    List<String> codeNotices = List.of();

    @Override
    public Integer call() throws Exception {
        if (maxBytes <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--max-bytes': " + maxBytes + " (must be positive)");
        }
        // Hashes are not part of this output, so a per-run key is enough and no key needs configuring.
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        ScannerConfig config = ScannerConfig.of(key).withMaxBytes(maxBytes).withOrgMarkers(codeNamespaces, codeNotices);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogFileArguments.requireReadable(List.of(file));
        try (BufferedReader in = utf8Reader(file)) {
            JsonLinesScanner.Summary summary = new JsonLinesScanner(new ContentScanner(config)).run(in, out, err);
            out.flush();
            err.printf("scanned %d documents from %s: %d findings, %d bad lines%n", summary.documents(),
                    file.equals(LogFileArguments.STDIN) ? "standard input" : file, summary.findings(), summary.badLines());
            err.flush();
        }
        return 0;
    }

    /** Malformed bytes become U+FFFD instead of ending the run: a bad line is reported, the rest still scanned. */
    private static BufferedReader utf8Reader(String file) throws IOException {
        InputStream in = file.equals(LogFileArguments.STDIN) ? System.in : Files.newInputStream(Path.of(file));
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(in, decoder));
    }
}
