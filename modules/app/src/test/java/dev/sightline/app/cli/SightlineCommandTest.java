package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SightlineCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: sightline", "demo", "run");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : SightlineCommand.commandLine().getSubcommands().keySet()) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage: sightline " + command);
        }
    }

    @Test
    void demoHelpDescribesItsOptions() {
        assertThat(run("demo", "--help")).isZero();
        assertThat(out.toString()).contains("--duration", "--http-port", "8080");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertThat(run("demo", "--no-such-flag")).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-flag");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(run("demo", "--duration", "-3")).isEqualTo(2);
        assertThat(err.toString()).contains("--duration");
        assertThat(run("demo", "--duration", "soon")).isEqualTo(2);
        assertThat(run("demo", "--http-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--http-port");
    }

    @Test
    void aMissingConfigFileIsAUsageError(@TempDir Path dir) {
        assertThat(run("run", "--config", dir.resolve("absent.properties").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.properties", "missing or not readable");
        assertThat(run("run", "--config", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a directory");
    }

    @Test
    void aBadConfigValueNamesTheKeyAndWhatIsAllowed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.properties"), "sightline.http.port=99999\n");
        assertThat(run("run", "--config", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("sightline.http.port", "99999");
    }
}
