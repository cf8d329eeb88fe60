package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Only what fails before a benchmark starts: the benchmarks themselves print figures and are never unit tests. */
class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void stateHelpDescribesItsOptionsAndLastLine() {
        assertThat(run("bench", "state", "--help")).isZero();
        assertThat(out.toString()).contains("--users", "--tools", "--uses-per-pair", "--seed", "10000",
                "state_users=<U> state_tools=<T> live_heap_mib=<n> state_dir_mib=<n>");
    }

    @Test
    void aZeroCountIsAUsageErrorNamingTheOption() {
        assertThat(run("bench", "state", "--tools", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("tools must be at least 1");
    }

    @Test
    void aCountThatIsNoNumberIsAUsageError() {
        assertThat(run("bench", "state", "--users", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("--users", "lots");
    }
}
