package dev.sightline.reference;

import static dev.sightline.reference.AssetImportTest.problemsOf;
import static dev.sightline.reference.Samples.NOW;
import static dev.sightline.reference.Samples.OPTIONS;
import static dev.sightline.reference.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityImportTest {
    private static final String HEADER = "user,email,aliases,department,manager,active\n";

    @TempDir
    Path dir;

    private final IdentityImport identities = new IdentityImport(OPTIONS);

    @Test
    void readsADirectoryCsvExport() {
        Map<String, Identity> byId = byId(identities.read(sample("identities.csv")));

        assertThat(byId).containsOnlyKeys("frank.meyer@acme.example", "mkeller@acme.example", "ext.rpatel@acme.example",
                "svc-build@acme.example");
        Identity frank = byId.get("frank.meyer@acme.example");
        assertThat(frank.getAliases()).as("CORP\\fmeyer under the CORP suffix; the e-mail equals the id")
                .containsExactly("fmeyer@acme.example", "fmeyer@acme-legacy.example");
        assertThat(frank.getDisplayName()).isEqualTo("Frank Meyer");
        assertThat(frank.getDepartment()).isEqualTo("Engineering");
        assertThat(frank.getGroups()).containsExactly("ai-pilot", "eng-all");
        assertThat(frank.getManager()).isEqualTo("mkeller@acme.example");
        assertThat(frank.getEmployeeType()).isEqualTo("employee");
        assertThat(frank.getActive()).isTrue();
        assertThat(frank.getUpdatedAt()).isEqualTo(NOW);

        Identity martina = byId.get("mkeller@acme.example");
        assertThat(martina.getEmail()).isEqualTo("martina.keller@acme.example");
        assertThat(martina.getAliases()).as("the e-mail address is an alias; CORP\\mkeller is the id itself")
                .containsExactly("martina.keller@acme.example");
        assertThat(byId.get("ext.rpatel@acme.example").getActive()).as("blank means active").isTrue();
        assertThat(byId.get("svc-build@acme.example").getActive()).isFalse();
        assertThat(byId.get("svc-build@acme.example").getGroups()).isEmpty();
    }

    @Test
    void withoutADomainSuffixADownLevelNameStaysAsTheLogsWriteIt() {
        List<Identity> read = new IdentityImport(OPTIONS.withDomainSuffixes(Map.of())).read(sample("identities.csv"));
        assertThat(byId(read).get("frank.meyer@acme.example").getAliases()).contains("corp\\fmeyer");
    }

    @Test
    void readsAnEntraJsonLinesExport() {
        Map<String, Identity> byId = byId(identities.read(sample("identities.jsonl")));
        Identity julia = byId.get("jlopez@acme.example");
        assertThat(julia.getEmail()).isEqualTo("julia.lopez@acme.example");
        assertThat(julia.getAliases()).as("smtp: prefixes dropped, duplicates removed")
                .containsExactly("julia.lopez@acme.example");
        assertThat(julia.getGroups()).containsExactly("hr-all");
        assertThat(byId.get("ceo@acme.example").getActive()).isTrue();
    }

    @Test
    void duplicatesAndBadValuesAreReportedWithoutRepeatingThem() throws IOException {
        Path file = Files.writeString(dir.resolve("users.csv"), HEADER
                + "anna@acme.example,anna@acme.example,CORP\\anna,Sales,,true\n"
                + "ANNA@acme.example,,,Sales,,true\n"
                + "bert@acme.example,bert.at.acme,CORP\\anna,Sales,,maybe\n"
                + "carl@acme.example,,anna@acme.example,Sales,,\n"
                + ",,,Sales,,\n");

        List<String> problems = problemsOf(() -> identities.read(file));

        assertThat(problems).containsExactly(
                file + ":3: field 'user': the user id is already given at line 2",
                file + ":4: field 'email': not an e-mail address (name@domain)",
                file + ":4: field 'active': expected true/false (or yes/no, 1/0, enabled/disabled), not 'maybe'",
                file + ":4: field 'aliases': an alias names the user of line 2 too",
                file + ":5: field 'aliases': an alias names the user of line 2 too",
                file + ":6: field 'user': missing required value");
        assertThat(String.join("\n", problems)).doesNotContain("bert.at.acme");
    }

    private static Map<String, Identity> byId(List<Identity> list) {
        return list.stream().collect(Collectors.toMap(Identity::getUserId, Function.identity()));
    }
}
