package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage errors of the reference commands. Every import points at a port nobody listens on: exit code 2 shows that the
 * command stopped at validation, before any attempt to publish (which would fail differently, with exit code 1).
 */
class ReferenceCommandsTest {
    private static final String NO_BROKER = "127.0.0.1:1";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = SightlineCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aMissingFileOrADirectoryIsAUsageError() {
        Path absent = dir.resolve("absent.csv");
        assertThat(run("assets", "import", "--bootstrap-servers", NO_BROKER, absent.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("sightline assets import: nothing imported, 1 problem(s):",
                absent + ": no such file");
        assertThat(run("identities", "import", "--bootstrap-servers", NO_BROKER, dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(dir + ": is a directory, not a file");
        assertThat(run("catalog", "import", "--bootstrap-servers", NO_BROKER, "--overrides", absent.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("sightline catalog import: nothing imported", "absent.csv");
        assertThat(out.toString()).doesNotContain("published");
    }

    @Test
    void everyBadRowIsPrintedWithLineAndField() throws IOException {
        Path assets = Files.writeString(dir.resolve("assets.csv"), """
                asset_id,name,uri,data_classes
                a1,Finance site,https://acme.sharepoint.com/sites/Finance/**,PII
                a2,HR site,https://acme.sharepoint.com/sites/HR/**,PIIX
                a1,Again,https://acme.sharepoint.com/sites/Again/**,
                """);
        assertThat(run("assets", "import", "--bootstrap-servers", NO_BROKER, assets.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("2 problem(s)",
                assets + ":3: field 'data_classes': unknown data class 'PIIX'",
                assets + ":4: field 'asset_id': duplicate asset id, first given at line 2");

        Path users = Files.writeString(dir.resolve("users.jsonl"), """
                {"user": "anna@acme.example", "active": "sometimes"}
                {"user": "anna@acme.example"}
                """);
        assertThat(run("identities", "import", "--bootstrap-servers", NO_BROKER, users.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(users + ":1:31: field 'active': expected true/false",
                users + ":2:2: field 'user': the user id is already given at line 1");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aBadOverrideFileIsPrintedWithLineAndField() throws IOException {
        Path overrides = Files.writeString(dir.resolve("org.yaml"), """
                organisation: Acme
                policies:
                  - tool: chatgpt
                    sanction: approved
                """);
        assertThat(run("catalog", "import", "--bootstrap-servers", NO_BROKER, "--overrides", overrides.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains(overrides + ":4:", "sanction", "approved");
    }

    @Test
    void parentCommandsNeedASubcommandAndAssetsImportAFile() {
        assertThat(run("catalog")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing command: give one of import, lookup");
        assertThat(run("assets", "import", "--bootstrap-servers", NO_BROKER)).isEqualTo(2);
        assertThat(err.toString()).contains("Give an asset FILE, --labels FILE, or both");
        assertThat(run("identities", "import")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");
    }

    @Test
    void catalogLookupWritesOneJsonLinePerHost() throws IOException {
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), "chatgpt.com\n# a comment\nhttps://WWW.example.org/x\n");

        assertThat(run("catalog", "lookup", hosts.toString())).isZero();

        List<JsonNode> lines = out.toString().lines().map(ReferenceCommandsTest::json).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("host").asText()).isEqualTo("chatgpt.com");
        assertThat(lines.get(0).get("match").asBoolean()).isTrue();
        assertThat(lines.get(0).get("tool").asText()).isEqualTo("chatgpt");
        assertThat(lines.get(0).get("vendor").asText()).isEqualTo("OpenAI");
        assertThat(lines.get(0).get("sanction").asText()).isEqualTo("unreviewed");
        assertThat(lines.get(1).get("host").asText()).isEqualTo("www.example.org");
        assertThat(lines.get(1).get("match").asBoolean()).isFalse();
        assertThat(lines.get(1).get("tool").isNull()).isTrue();
    }

    @Test
    void catalogLookupAppliesTheOverridesAndRefusesAMissingFile() throws IOException {
        Path overrides = Files.writeString(dir.resolve("org.yaml"), "policies:\n  - {tool: chatgpt, sanction: sanctioned}\n");
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), "chat.openai.com\n");
        assertThat(run("catalog", "lookup", "--overrides", overrides.toString(), hosts.toString())).isZero();
        assertThat(json(out.toString().strip()).get("sanction").asText()).isEqualTo("sanctioned");

        assertThat(run("catalog", "lookup", dir.resolve("absent.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read", "absent.txt: no such file");
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
