package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Usage errors of ship: all found before any connection to Kafka. Shipping itself is tested in ShipIT. */
class ShipCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpDescribesFormatsAndResuming() {
        assertThat(run("ship", "--help")).isZero();
        assertThat(out.toString()).contains("squid-ext", "gemini-audit", "--position-file", "--follow", "--topic",
                "--bootstrap-servers", "--allow-any-topic", "--[no-]progress", "acks=all");
    }

    @Test
    void badInputIsAUsageError(@TempDir Path dir) throws Exception {
        String log = Files.writeString(dir.resolve("access.log"), "line\n").toString();
        String position = dir.resolve("pos.json").toString();
        assertUsageError("unknown format 'nope'", "ship", "--format", "nope", "--topic", "raw.proxy.squid", log);
        assertUsageError("applies to --format squid only", "ship", "--format", "ecs", "--logformat", "%ts %ru",
                "--topic", "raw.proxy.ecs", log);
        assertUsageError("invalid --logformat", "ship", "--format", "squid", "--logformat", "%{x", "--topic",
                "raw.proxy.squid", log);
        assertUsageError("not a raw topic", "ship", "--format", "squid", "--topic", "events.ai-usage", log);
        assertUsageError("no such file", "ship", "--format", "squid", "--topic", "raw.proxy.squid",
                dir.resolve("gone.log").toString());
        assertUsageError("is a directory", "ship", "--format", "squid", "--topic", "raw.proxy.squid", dir.toString());
        assertUsageError("cannot be combined", "ship", "--format", "squid", "--topic", "raw.proxy.squid", "-", log);
        assertUsageError("stdin cannot be resumed", "ship", "--format", "squid", "--topic", "raw.proxy.squid",
                "--position-file", position, "-");
        assertUsageError("--linger-ms", "ship", "--format", "squid", "--topic", "raw.proxy.squid", "--linger-ms", "-1", log);
        assertUsageError("--commit-lines", "ship", "--format", "squid", "--topic", "raw.proxy.squid", "--commit-lines", "0", log);
        assertUsageError("sightline.kafka.bootstrap.servers", "ship", "--format", "squid", "--topic", "raw.proxy.squid",
                "--bootstrap-servers", "no port", log);
        assertUsageError("Missing required option: '--topic", "ship", "--format", "squid", log);
    }

    @Test
    void aDamagedPositionFileIsAUsageError(@TempDir Path dir) throws Exception {
        String log = Files.writeString(dir.resolve("access.log"), "line\n").toString();
        Path position = Files.writeString(dir.resolve("pos.json"), "not json");
        assertUsageError("damaged", "ship", "--format", "squid", "--topic", "raw.proxy.squid",
                "--position-file", position.toString(), log);
    }

    private void assertUsageError(String message, String... args) {
        err.getBuffer().setLength(0);
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        assertThat(err.toString()).as(String.join(" ", args)).contains(message);
    }
}
