package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command that reads files, given a missing file, a directory, an empty file or a bad flag (and, where it takes
 * one, a wrong format name), says what is wrong on stderr and exits non-zero, without a stack trace. Exception: ship,
 * which follows its files like tail -F, takes an empty file as one whose lines have not come yet.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FileArgumentsTest {
    /** No broker listens there: a command that got as far as connecting would fail differently (and slowly). */
    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    static Path dir;

    /** The command line up to the file; the file goes last. */
    static Stream<List<String>> commands() {
        return Stream.of(
                List.of("parse", "--format", "squid"),
                List.of("ship", "--format", "squid", "--topic", "raw.proxy.squid", "--bootstrap-servers", NO_BROKER),
                List.of("scan"),
                List.of("catalog", "import", "--bootstrap-servers", NO_BROKER, "--overrides"),
                List.of("catalog", "lookup"),
                List.of("assets", "import", "--bootstrap-servers", NO_BROKER),
                List.of("identities", "import", "--bootstrap-servers", NO_BROKER),
                List.of("policy", "import", "--bootstrap-servers", NO_BROKER),
                List.of("bench", "scan"),
                List.of("replay", "--format", "squid"));
    }

    enum BadFile { MISSING, DIRECTORY, EMPTY }

    static Stream<Arguments> badFiles() {
        // ship follows its files like tail -F: an empty file is one whose lines have not come yet
        return commands().flatMap(command -> Stream.of(BadFile.values())
                .filter(bad -> !(bad == BadFile.EMPTY && command.get(0).equals("ship")))
                .map(bad -> Arguments.of(command, bad)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badFiles")
    void aBadFileIsNamedAndTheExitCodeIsNonZero(List<String> command, BadFile bad) throws IOException {
        Path file = switch (bad) {
            case MISSING -> dir.resolve("no-such-file.log");
            case DIRECTORY -> Files.createDirectories(dir.resolve("a-directory"));
            case EMPTY -> Files.write(dir.resolve("empty.log"), new byte[0]);
        };
        Result result = run(command, file.toString());

        assertThat(result.err() + result.out()).as(result.toString()).doesNotContain("\tat ");
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).as(result.toString()).contains(file.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aBadFlagIsNamedAndTheExitCodeIs2(List<String> command) throws IOException {
        Path file = Files.writeString(dir.resolve("flag.log"), "x\n");
        List<String> withFlag = new ArrayList<>(command);
        // right after the (sub)command names, before the command's own options
        int afterNames = (int) command.stream().takeWhile(word -> !word.startsWith("--")).count();
        withFlag.add(afterNames, "--no-such-flag");
        Result result = run(withFlag, file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--no-such-flag");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatCommands")
    void aWrongFormatNameIsNamedAndTheExitCodeIs2(String command) throws IOException {
        Path file = Files.writeString(dir.resolve("format.log"), "x\n");
        List<String> args = new ArrayList<>(List.of(command, "--format", "no-such-format"));
        if (command.equals("ship")) {
            args.addAll(List.of("--topic", "raw.proxy.squid", "--bootstrap-servers", NO_BROKER));
        }
        Result result = run(args, file.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("no-such-format");
    }

    static Stream<String> formatCommands() {
        return Stream.of("parse", "ship");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(List<String> command, String file) {
        List<String> args = new ArrayList<>(command);
        args.add(file);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
