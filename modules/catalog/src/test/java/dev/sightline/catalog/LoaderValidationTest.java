package dev.sightline.catalog;

import static dev.sightline.catalog.TestCatalogs.tool;
import static dev.sightline.catalog.TestCatalogs.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderValidationTest {
    @TempDir
    Path dir;

    private CatalogProblem onlyProblem(String tools) {
        write(dir, "tools.yaml", tools);
        Path index = write(dir, "index.yaml", TestCatalogs.INDEX);
        CatalogLoadException e = (CatalogLoadException) catchLoad(() -> CatalogLoader.load(index, Optional.empty()));
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static Throwable catchLoad(Runnable load) {
        try {
            load.run();
        } catch (CatalogLoadException e) {
            return e;
        }
        throw new AssertionError("load did not fail");
    }

    private static final String GOOD = """
            - id: good
              name: Good
              vendor: V
              category: chat
              country: US
              interface: ui
              hosts: [good.example]
            """;

    @Test
    void unknownCategoryNamesLineAndField() {
        CatalogProblem p = onlyProblem(GOOD + """
                - id: bad
                  name: Bad
                  vendor: V
                  category: chatbot
                  country: US
                  interface: ui
                  hosts: [bad.example]
                """);
        assertThat(p.file()).endsWith("tools.yaml");
        assertThat(p.line()).isEqualTo(11);
        assertThat(p.field()).isEqualTo("category");
        assertThat(p.message()).contains("unknown category 'chatbot'");
    }

    @Test
    void badHostPatternNamesItsIndex() {
        CatalogProblem p = onlyProblem(GOOD + """
                - id: bad
                  name: Bad
                  vendor: V
                  category: chat
                  country: US
                  interface: ui
                  hosts: [ok.example, "*.ai"]
                """);
        assertThat(p.line()).isEqualTo(14);
        assertThat(p.field()).isEqualTo("hosts[1]");
        assertThat(p.message()).contains("two literal labels");
    }

    @Test
    void missingFieldPointsAtTheEntry() {
        CatalogProblem p = onlyProblem(GOOD + """
                - id: no-vendor
                  name: X
                  category: chat
                  country: US
                  interface: ui
                  hosts: [x.example]
                """);
        assertThat(p.line()).isEqualTo(8);
        assertThat(p.field()).isEqualTo("vendor");
        assertThat(p.message()).contains("missing");
    }

    @Test
    void unknownFieldAndBadCountryAreRejected() {
        assertThat(onlyProblem(GOOD.replace("vendor: V", "vendor: V\n  owner: me")).field()).isEqualTo("owner");
        CatalogProblem country = onlyProblem(GOOD.replace("country: US", "country: XX"));
        assertThat(country.field()).isEqualTo("country");
        assertThat(country.line()).isEqualTo(5);
    }

    @Test
    void knownRiskValueNeedsSourceAndDate() {
        CatalogProblem p = onlyProblem(GOOD + "  risk:\n    training_free: {value: trains, date: 2026-01-01}\n");
        assertThat(p.field()).isEqualTo("risk.training_free");
        assertThat(p.line()).isEqualTo(9);
        assertThat(p.message()).contains("source is required");
        CatalogProblem date = onlyProblem(GOOD + "  risk:\n    sso: {value: true, source: doc, date: 26-1-1}\n");
        assertThat(date.field()).isEqualTo("risk.sso.date");
    }

    @Test
    void aFactIsDatedByItsSourceOrByTheDayItWasRead() {
        write(dir, "tools.yaml", GOOD + """
                  risk:
                    sso: {value: true, source: "https://v.example/sso", date: 2025-09-28}
                    enterprise_tier: {value: true, source: "https://v.example/plans", retrieved: 2026-11-27}
                """);
        RiskProfile risk = CatalogLoader.load(write(dir, "index.yaml", TestCatalogs.INDEX), Optional.empty())
                .tool("good").orElseThrow().risk();
        assertThat(risk.sso().date()).isEqualTo(LocalDate.of(2025, 9, 28));
        assertThat(risk.sso().retrieved()).isFalse();
        assertThat(risk.enterpriseTier().date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(risk.enterpriseTier().retrieved()).isTrue();
    }

    @Test
    void aFactCannotCarryBothKindsOfDateOrNeither() {
        CatalogProblem both = onlyProblem(GOOD
                + "  risk:\n    sso: {value: true, source: doc, date: 2025-01-01, retrieved: 2026-11-27}\n");
        assertThat(both.field()).isEqualTo("risk.sso");
        assertThat(both.message()).contains("either 'date'", "not both");
        CatalogProblem neither = onlyProblem(GOOD + "  risk:\n    sso: {value: true, source: doc}\n");
        assertThat(neither.message()).contains("'date'", "'retrieved'");
    }

    @Test
    void unknownRiskValueNeedsNoSource() {
        write(dir, "tools.yaml", GOOD + "  risk:\n    training_free: {value: unknown}\n");
        Catalog c = CatalogLoader.load(write(dir, "index.yaml", TestCatalogs.INDEX), Optional.empty());
        assertThat(c.tool("good").orElseThrow().riskScore()).isEqualTo(RiskScore.UNREVIEWED_DOMESTIC);
    }

    @Test
    void duplicatePatternAcrossToolsIsRefusedUnlessAPathTellsThemApart() {
        CatalogProblem p = onlyProblem(tool("one", "chat", "[x.example]") + tool("two", "chat", "[x.example]"));
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.field()).isEqualTo("hosts");
        assertThat(p.message()).contains("already claimed by 'one'");
        write(dir, "tools.yaml", tool("one", "chat", "[x.example]") + tool("two", "chat", "[x.example/two]"));
        assertThat(CatalogLoader.load(write(dir, "index.yaml", TestCatalogs.INDEX), Optional.empty()).tools()).hasSize(2);
    }

    @Test
    void duplicateIdAndYamlSyntaxErrors() {
        CatalogProblem dup = onlyProblem(tool("one", "chat", "[a.example]") + tool("one", "chat", "[b.example]"));
        assertThat(dup.field()).isEqualTo("id");
        assertThat(dup.line()).isEqualTo(2);
        CatalogProblem syntax = onlyProblem(GOOD + "- id: [unclosed\n");
        assertThat(syntax.line()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void everyFileIsCheckedAndNothingIsHalfImported() {
        write(dir, "a.yaml", GOOD.replace("category: chat", "category: nope"));
        write(dir, "b.yaml", tool("other", "chat", "[\"bad host\"]"));
        Path index = write(dir, "index.yaml", "version: v\ndate: 2026-01-01\nfiles: [a.yaml, b.yaml, missing.yaml]\n");
        CatalogLoadException e = (CatalogLoadException) catchLoad(() -> CatalogLoader.load(index, Optional.empty()));
        assertThat(e.problems()).extracting(CatalogProblem::file)
                .anySatisfy(f -> assertThat(f).endsWith("a.yaml"))
                .anySatisfy(f -> assertThat(f).endsWith("b.yaml"))
                .anySatisfy(f -> assertThat(f).endsWith("missing.yaml"));
        assertThat(e.getMessage()).contains("a.yaml:4:").contains("field 'category'");
    }

    @Test
    void overrideFileAppliesPoliciesAndOwnTools() {
        Path overrides = write(dir, "org.yaml", """
                organisation: Acme
                policies:
                  - tool: good
                    sanction: sanctioned
                    owner: ai-governance@acme.example
                    approvals:
                      - departments: [Engineering]
                        data_classes: [SOURCE_CODE]
                        account_type: corporate
                        expires: 2027-06-30
                  - tool: acme-gateway
                    sanction: tolerated
                tools:
                  - {id: acme-gateway, name: Acme LLM Gateway, vendor: Acme, category: gateway, country: DE, interface: api, hosts: [llm.acme.internal]}
                """);
        write(dir, "tools.yaml", GOOD);
        Catalog c = CatalogLoader.load(write(dir, "index.yaml", TestCatalogs.INDEX), Optional.of(overrides));
        assertThat(c.organisation()).contains("Acme");
        MatchResult.Matched m = (MatchResult.Matched) c.match("good.example");
        assertThat(m.sanction()).isEqualTo(Sanction.SANCTIONED);
        assertThat(m.policy().owner()).isEqualTo("ai-governance@acme.example");
        assertThat(m.policy().permits("engineering", List.of(), List.of(DataClass.SOURCE_CODE), AccountType.CORPORATE,
                LocalDate.of(2027, 6, 30))).isTrue();
        assertThat(m.policy().permits("engineering", List.of(), List.of(DataClass.SOURCE_CODE), AccountType.CORPORATE,
                LocalDate.of(2027, 7, 1))).isFalse();
        assertThat(m.policy().permits("Sales", List.of(), List.of(), AccountType.CORPORATE, LocalDate.of(2027, 1, 1)))
                .isFalse();
        assertThat(m.policy().permits("engineering", List.of(), List.of(DataClass.PII), AccountType.CORPORATE,
                LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(((MatchResult.Matched) c.match("llm.acme.internal")).sanction()).isEqualTo(Sanction.TOLERATED);
    }

    @Test
    void overrideProblemsNameLineAndField() {
        write(dir, "tools.yaml", GOOD);
        Path index = write(dir, "index.yaml", TestCatalogs.INDEX);
        Path unknownTool = write(dir, "o1.yaml", "policies:\n  - tool: good\n    sanction: tolerated\n  - tool: nope\n    sanction: sanctioned\n");
        CatalogProblem p = ((CatalogLoadException) catchLoad(() -> CatalogLoader.load(index, Optional.of(unknownTool))))
                .problems().get(0);
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.field()).isEqualTo("tool");
        Path badClass = write(dir, "o2.yaml", "policies:\n  - tool: good\n    sanction: tolerated\n    approvals:\n"
                + "      - data_classes: [PII, SECRETS]\n");
        CatalogProblem q = ((CatalogLoadException) catchLoad(() -> CatalogLoader.load(index, Optional.of(badClass))))
                .problems().get(0);
        assertThat(q.line()).isEqualTo(5);
        assertThat(q.field()).isEqualTo("approvals[0].data_classes[1]");
        assertThat(q.message()).contains("unknown data class 'SECRETS'");
        Path badSanction = write(dir, "o3.json", "{\"policies\": [{\"tool\": \"good\", \"sanction\": \"maybe\"}]}");
        CatalogProblem r = ((CatalogLoadException) catchLoad(() -> CatalogLoader.load(index, Optional.of(badSanction))))
                .problems().get(0);
        assertThat(r.field()).isEqualTo("sanction");
        assertThat(r.line()).isEqualTo(1);
    }

    @Test
    void loadFailureIsATypedException() {
        assertThatThrownBy(() -> CatalogLoader.load(dir.resolve("none.yaml"), Optional.empty()))
                .isInstanceOf(CatalogLoadException.class).hasMessageContaining("file not found");
    }
}
