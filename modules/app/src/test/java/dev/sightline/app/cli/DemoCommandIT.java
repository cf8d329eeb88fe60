package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The platform's promise: {@code demo --duration} starts everything, says where it listens, and exits 0 by itself. */
class DemoCommandIT {
    @Test
    void demoStartsPrintsItsAddressesAndExitsByItself() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        Instant start = Instant.now();
        int exit = cli.execute("demo", "--duration", "3", "--http-port", "0");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("broker +127\\.0\\.0\\.1:\\d+")
                .containsPattern("http +http://127\\.0\\.0\\.1:\\d+/health")
                .contains("registry   mock://", "Stopped.");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(90));
    }
}
