package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void policyWithoutASubcommandIsAUsageError() {
        assertThat(run("policy")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command", "import");
    }

    @Test
    void importNeedsAFile(@TempDir Path dir) {
        assertThat(run("policy", "import")).isEqualTo(2);
        assertThat(err.toString()).contains("FILE");
        assertThat(run("policy", "import", dir.resolve("absent.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("absent.yaml", "missing or not readable");
        assertThat(run("policy", "import", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a directory");
    }

    @Test
    void aBadPolicyListsEveryProblemAndPublishesNothing(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), """
                id: default
                version: 2
                tools:
                  chatgpt:
                    sanction: sanctioned
                    approvals:
                      - departments: [Sales]
                      - expires: next year
                thresholds:
                  blocked-attempts: {cuont: 3}
                """);
        // an unreachable broker: a publish attempt would fail with exit 1, not 2
        assertThat(run("policy", "import", policy.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
        assertThat(err.toString()).contains("policy refused, 2 problem(s); nothing was published",
                "  tools.chatgpt.approvals[1].expires: not a date (yyyy-MM-dd)",
                "  thresholds.blocked-attempts.cuont: unknown key 'cuont' (did you mean 'count'?");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadBootstrapServerValueIsAUsageError() {
        assertThat(run("policy", "import", "../../deploy/policy.example.yaml", "--bootstrap-servers", "no port"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("sightline.kafka.bootstrap.servers");
    }
}
