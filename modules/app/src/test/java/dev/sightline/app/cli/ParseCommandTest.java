package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ParseCommandTest {
    private static final Path SQUID = Path.of("../../../shared/data/squid");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GOOD_LINE = "1795805792.485     39 127.0.0.1 TCP_MISS/200 370 GET http://www.example.com/ alice "
            + "HIER_DIRECT/127.0.0.1 application/json";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int runWithStdin(String stdin, String... args) {
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        if (stdin != null) {
            ((ParseCommand) cli.getSubcommands().get("parse").getCommand()).stdin =
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return cli.execute(args);
    }

    private int run(String... args) {
        return runWithStdin(null, args);
    }

    private List<JsonNode> events() throws Exception {
        return out.toString().lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object per line: " + line, e);
            }
        }).toList();
    }

    @ParameterizedTest
    @CsvSource({"squid, access.log", "squid-common, access_common.log", "squid-ext, access_ext.log"})
    void everyShippedSquidFileParses(String format, String file) throws Exception {
        assertThat(run("parse", "--format", format, SQUID.resolve(file).toString())).isZero();

        assertThat(events()).hasSize(191);
        assertThat(err.toString()).contains(file + ": read 193 lines, parsed 191, skipped 2", "rejected 0")
                .doesNotContain(": MALFORMED:", ": BAD_");
    }

    @Test
    void eventsAreRenderedWithSchemaFieldNamesIsoTimesAndNoContent() throws Exception {
        assertThat(run("parse", "--format", "squid", SQUID.resolve("access.log").toString())).isZero();

        JsonNode first = events().get(0);
        assertThat(first.get("eventTime").asText()).isEqualTo("2026-11-27T18:56:32.485Z");
        assertThat(Instant.parse(first.get("ingestTime").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(first.get("user").asText()).isEqualTo("alice");
        assertThat(first.get("host").asText()).isEqualTo("www.example.com");
        assertThat(first.get("bytesOut").isNull()).as("native squid does not record uploads").isTrue();
        assertThat(first.get("source").get("file").asText()).endsWith("access.log");
        assertThat(first.get("source").get("line").asLong()).isEqualTo(1);
        assertThat(first.has("content")).isFalse();
        assertThat(first.get("contentPresent").asBoolean()).isFalse();
        assertThat(first.get("contentLength").isNull()).isTrue();
        assertThat(first.fieldNames()).toIterable().startsWith("eventId", "eventTime", "ingestTime", "source");
    }

    @Test
    void contentIsReplacedByItsLength(@TempDir Path dir) throws Exception {
        String prompt = "my password is hunter2 ✓";
        Path file = Files.writeString(dir.resolve("zscaler.json"), "{\"datetime\":\"2026-11-27 18:56:32\",\"user\":\"a@corp.example\","
                + "\"ClientIP\":\"10.0.0.1\",\"url\":\"chatgpt.com/backend-api/conversation\",\"hostname\":\"chatgpt.com\","
                + "\"requestmethod\":\"POST\",\"status\":\"200\",\"action\":\"Allowed\",\"requestsize\":\"1200\","
                + "\"responsesize\":\"300\",\"prompt_req\":\"" + prompt + "\"}\n");

        assertThat(run("parse", "--format", "zscaler", file.toString())).isZero();

        assertThat(out.toString()).doesNotContain("hunter2");
        JsonNode event = events().get(0);
        assertThat(event.get("contentPresent").asBoolean()).isTrue();
        assertThat(event.get("contentLength").asInt()).isEqualTo(prompt.codePointCount(0, prompt.length()));
    }

    @Test
    void rejectedLinesNameFileLineAndReasonButNotTheirContent(@TempDir Path dir) throws Exception {
        String secretGarbage = "GET / HTTP/1.1 token=sk-live-SECRETVALUE";
        Path file = Files.writeString(dir.resolve("mixed.log"), GOOD_LINE + "\n" + secretGarbage + "\n" + GOOD_LINE + "\n\n");

        assertThat(run("parse", "--format", "squid", file.toString())).isZero();

        assertThat(events()).hasSize(2);
        assertThat(err.toString()).containsPattern("mixed\\.log:2: [A-Z_]+: .+")
                .containsPattern("mixed\\.log:4: [A-Z_]+: .+")
                .contains("read 4 lines, parsed 2, skipped 0, rejected 2")
                .doesNotContain("SECRETVALUE", "sk-live");
    }

    @Test
    void aTenMegabyteLineIsOneTooLargeRejectAndTheLinesAroundItParse(@TempDir Path dir) throws Exception {
        String huge = GOOD_LINE.replace(" alice ", " " + "a".repeat(10 << 20) + " ");
        Path file = Files.writeString(dir.resolve("huge.log"), GOOD_LINE + "\n" + huge + "\n" + GOOD_LINE + "\n");

        assertThat(run("parse", "--format", "squid", file.toString())).isZero();

        assertThat(events()).hasSize(2);
        assertThat(err.toString()).contains("huge.log:2: TOO_LARGE: line is longer than 1048576 bytes")
                .contains("read 3 lines, parsed 2, skipped 0, rejected 1")
                .doesNotContain("aaaaaaaa");
    }

    @Test
    void failOnRejectTurnsRejectsIntoAnExitCode(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.log"), "not a squid line\n");
        assertThat(run("parse", "--format", "squid", "--fail-on-reject", file.toString()))
                .isEqualTo(ParseCommand.EXIT_REJECTED);
    }

    @Test
    void anEmptyFileIsAMistakeAndAnUnterminatedLastLineIsALine(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.log"));
        Path unterminated = Files.writeString(dir.resolve("last.log"), GOOD_LINE + "\r\n" + GOOD_LINE);

        assertThat(run("parse", "--format", "squid", empty.toString(), unterminated.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("empty.log is empty");

        assertThat(run("parse", "--format", "squid", unterminated.toString())).isZero();
        assertThat(events()).hasSize(2);
        assertThat(err.toString()).contains("last.log: read 2 lines, parsed 2, skipped 0, rejected 0");
    }

    @Test
    void dashReadsStdin() throws Exception {
        assertThat(runWithStdin(GOOD_LINE + "\n", "parse", "--format", "squid", "-")).isZero();
        assertThat(events()).hasSize(1);
        assertThat(err.toString()).contains("-: read 1 lines, parsed 1");
    }

    @Test
    void aCustomLogformatIsCompiled(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("custom.log"), "1795805792.485 127.0.0.1 alice GET http://www.example.com/ 200\n");
        assertThat(run("parse", "--format", "squid", "--logformat", "%ts.%03tu %>a %[un %rm %ru %>Hs", file.toString()))
                .as(err::toString).isZero();
        assertThat(events()).singleElement().satisfies(event -> assertThat(event.get("user").asText()).isEqualTo("alice"));
    }

    @Test
    void helpListsTheFormats() {
        assertThat(run("parse", "--help")).isZero();
        assertThat(out.toString()).contains("squid, squid-combined, squid-common,", "zscaler", "gemini-audit", "JSON Lines", "--fail-on-reject");
    }

    @Test
    void badInputIsAUsageError(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("a.log"), GOOD_LINE + "\n");
        assertUsageError("unknown format 'nope'", "parse", "--format", "nope", log.toString());
        assertUsageError("applies to --format squid only", "parse", "--format", "zscaler", "--logformat", "%>a %ru", log.toString());
        assertUsageError("logformat", "parse", "--format", "squid", "--logformat", "%{nonsense", log.toString());
        assertUsageError("absent.log: no such file", "parse", "--format", "squid", dir.resolve("absent.log").toString());
        assertUsageError("is a directory", "parse", "--format", "squid", dir.toString());
        assertUsageError("Missing required option: '--format", "parse", log.toString());
        assertUsageError("Missing required parameter", "parse", "--format", "squid");
    }

    @Test
    void anUnreadableFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("secret.log"), GOOD_LINE + "\n");
        boolean locked = file.toFile().setReadable(false, false) && !Files.isReadable(file);
        assumeTrue(locked, "running as a user who can read anything (root)");
        assertUsageError("not a readable regular file", "parse", "--format", "squid", file.toString());
    }

    private void assertUsageError(String message, String... args) {
        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).as(String.join(" ", args)).contains(message);
        assertThat(out.toString()).isEmpty();
    }
}
