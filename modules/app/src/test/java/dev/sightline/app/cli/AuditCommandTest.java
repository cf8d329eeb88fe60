package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class AuditCommandTest {
    @Test
    void usageErrorsExitWithTwoAndSayWhatIsWrong() {
        assertThat(run("audit", "verify", "--from", "yesterday")).startsWith("2:").contains("'yesterday' is not a time");
        assertThat(run("audit", "verify", "--from", "2026-11-02", "--to", "2026-11-01")).startsWith("2:")
                .contains("--to (2026-11-01T00:00:00Z) must be after --from (2026-11-02T00:00:00Z)");
        assertThat(run("audit", "verify", "--timeout", "PT0S")).startsWith("2:").contains("must be positive");
        assertThat(run("audit")).startsWith("2:").contains("Missing command");
    }

    private static String run(String... args) {
        StringWriter err = new StringWriter();
        var cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args) + ": " + err;
    }
}
