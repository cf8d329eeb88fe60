package dev.sightline.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.AccountType;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.Policy;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PolicyParserTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void theExamplePolicyLoads() throws Exception {
        String yaml = Files.readString(Path.of("../../deploy/policy.example.yaml"));
        Policy policy = loaded(yaml);

        assertThat(policy.getId()).isEqualTo("default");
        assertThat(policy.getVersion()).isEqualTo(7);
        assertThat(policy.getDocument()).isEqualTo(yaml);
        assertThat(policy.getImportedAt()).isEqualTo(NOW);
        assertThat(policy.getToolRules()).extracting(ToolRule::getToolId)
                .containsExactly("chatgpt", "github-copilot", "m365-copilot", "grammarly", "deepseek", "midjourney");
        ToolRule chatgpt = policy.getToolRules().get(0);
        assertThat(chatgpt.getStatus()).isEqualTo(SanctionStatus.SANCTIONED);
        Approval first = chatgpt.getApprovals().get(0);
        assertThat(first.getId()).isEqualTo("CHG-2291");
        assertThat(first.getDepartments()).containsExactly("Engineering", "Product");
        assertThat(first.getDataClasses()).containsExactly(DataClass.SOURCE_CODE);
        assertThat(first.getAccountTypes()).containsExactly(AccountType.CORPORATE);
        assertThat(first.getExpiresAt()).as("inclusive day").isEqualTo(Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(first.getOwner()).as("tool owner by default").isEqualTo("ai-governance@acme.example");
        assertThat(chatgpt.getApprovals().get(1).getOwner()).isEqualTo("marketing-ops@acme.example");
        assertThat(policy.getToolRules().get(4).getSeverityOverride()).isEqualTo(4);
        assertThat(policy.getThresholds())
                .containsEntry("shadow-ai.window.seconds", 3_600.0)
                .containsEntry("blocked-attempts.window.seconds", 1_800.0)
                .containsEntry("upload-anomaly.floor-bytes", 20.0 * 1024 * 1024)
                .containsEntry("upload-anomaly.z-score", 3.5)
                .containsEntry("blocked-attempts.count", 5.0)
                .containsEntry("sensitive-egress.min-confidence", 0.8);
        assertThat(policy.getSuppressions()).hasSize(2);
        assertThat(policy.getSuppressions().get(0).getUntil()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(policy.getSuppressions().get(1).getWindowMs()).isEqualTo(86_400_000L);
        assertThat(policy.getSeverityOverrides()).containsEntry("new-ai-tool", 2).containsEntry("blocked-attempts", 2);
    }

    @Test
    void aMinimalPolicyNeedsOnlyIdAndVersion() {
        Policy policy = loaded("id: p\nversion: 1\n");
        assertThat(policy.getToolRules()).isEmpty();
        assertThat(policy.getThresholds()).isEmpty();
    }

    @Test
    void approvalsDefaultToCorporateAccountsAndNumberedIds() {
        Policy policy = loaded("""
                id: p
                version: 1
                tools:
                  claude:
                    sanction: tolerated
                    approvals:
                      - departments: [Legal]
                      - account_type: any
                """);
        List<Approval> approvals = policy.getToolRules().get(0).getApprovals();
        assertThat(approvals).extracting(Approval::getId).containsExactly("claude/1", "claude/2");
        assertThat(approvals.get(0).getAccountTypes()).containsExactly(AccountType.CORPORATE);
        assertThat(approvals.get(1).getAccountTypes()).containsExactly(AccountType.CORPORATE, AccountType.PERSONAL);
        assertThat(approvals.get(0).getExpiresAt()).isNull();
    }

    @Test
    void everyProblemIsListedWithThePathOfTheBadKey() {
        List<String> problems = rejected("""
                id: p
                version: 0
                tools:
                  chatgpt:
                    sanction: sanctioned
                    approvals:
                      - departments: [Engineering]
                      - expires: 30/06/2027
                        data_classes: [PII, SECRETS]
                        account_type: shared
                  deepseek:
                    sanctoin: unsanctioned
                thresholds:
                  upload-anomaly:
                    floor-bytes: lots
                    zscore: 3
                  shadowai:
                    window: 1h
                suppressions:
                  - rule: shadow-ai
                severity_overrides:
                  shadow-ai: 9
                """);
        assertThat(problems).containsExactlyInAnyOrder(
                "version: not a whole number of at least 1",
                "tools.chatgpt.approvals[1].expires: not a date (yyyy-MM-dd)",
                "tools.chatgpt.approvals[1].account_type: unknown value 'shared' (allowed: any, corporate, personal)",
                "tools.chatgpt.approvals[1].data_classes[1]: unknown data class 'SECRETS' (did you mean 'SECRET'? allowed: "
                        + "CLASSIFIED_ASSET, OTHER, PCI, PHI, PII, SECRET, SOURCE_CODE)",
                "tools.deepseek.sanctoin: unknown key 'sanctoin' (did you mean 'sanction'? allowed: approvals, owner, "
                        + "sanction, severity)",
                "tools.deepseek.sanction: missing required key",
                "thresholds.upload-anomaly.floor-bytes: not a size such as 10485760, 500KB or 10MiB",
                "thresholds.upload-anomaly.zscore: unknown key 'zscore' (did you mean 'z-score'? allowed: floor-bytes, "
                        + "window, z-score)",
                "thresholds.shadowai: unknown rule 'shadowai' (did you mean 'shadow-ai'? allowed: approval-drift, "
                        + "blocked-attempts, new-ai-tool, sensitive-egress, shadow-ai, upload-anomaly)",
                "suppressions[0]: give 'until' (when it ends) or 'window' (repeat window), or both; a suppression with "
                        + "neither would mute the rule forever",
                "severity_overrides.shadow-ai: not a whole number from 1 to 5");
    }

    @Test
    void missingRequiredKeysAndWrongShapesAreProblems() {
        assertThat(rejected("name: x\ntools: [chatgpt]\n")).containsExactly(
                "id: missing required key",
                "version: missing required key",
                "tools: expected a map");
        assertThat(rejected("- a\n- b\n")).singleElement().asString().startsWith("expected a map with");
    }

    @Test
    void approvalsOfAnUnsanctionedToolAreAContradiction() {
        assertThat(rejected("""
                id: p
                version: 1
                tools:
                  deepseek:
                    sanction: unsanctioned
                    approvals: [{departments: [Research]}]
                """)).containsExactly(
                "tools.deepseek.approvals: approvals apply only to a sanctioned or tolerated tool, not to an unsanctioned one");
    }

    @Test
    void syntaxErrorsDuplicateKeysAndEmptyDocumentsAreRefused() {
        assertThat(rejected("id: [unclosed\n")).singleElement().asString().startsWith("not valid YAML at line");
        assertThat(rejected("id: a\nid: b\nversion: 1\n")).singleElement().asString().contains("Duplicate field 'id'");
        assertThat(rejected("")).containsExactly("empty document");
        assertThat(rejected("x".repeat(PolicyParser.MAX_DOCUMENT_CHARS + 1))).singleElement().asString()
                .startsWith("document too large");
    }

    @Test
    void suppressionsTakeDatesOrDateTimesAndKnownRules() {
        Policy policy = loaded("""
                id: p
                version: 1
                suppressions:
                  - {rule: blocked-attempts, user: alice, until: "2027-01-31T18:00:00+01:00"}
                """);
        assertThat(policy.getSuppressions().get(0).getUntil()).isEqualTo(Instant.parse("2027-01-31T17:00:00Z"));
        assertThat(policy.getSuppressions().get(0).getToolId()).isNull();
        assertThat(rejected("id: p\nversion: 1\nsuppressions: [{rule: nope, until: tomorrow}]\n")).containsExactly(
                "suppressions[0].rule: unknown rule 'nope' (allowed: approval-drift, blocked-attempts, new-ai-tool, "
                        + "sensitive-egress, shadow-ai, upload-anomaly)",
                "suppressions[0].until: not a date (yyyy-MM-dd) or date-time (2027-01-31T18:00:00Z)");
    }

    @Property(tries = 300)
    void anyTextIsLoadedOrRejectedNeverThrown(@ForAll String text) {
        PolicyLoad load = PolicyParser.parse(text, NOW, null);
        assertThat(load).isInstanceOfAny(PolicyLoad.Loaded.class, PolicyLoad.Rejected.class);
    }

    private static Policy loaded(String yaml) {
        PolicyLoad load = PolicyParser.parse(yaml, NOW, "tester");
        assertThat(load).as(load.toString()).isInstanceOf(PolicyLoad.Loaded.class);
        return ((PolicyLoad.Loaded) load).policy();
    }

    private static List<String> rejected(String yaml) {
        PolicyLoad load = PolicyParser.parse(yaml, NOW, "tester");
        assertThat(load).isInstanceOf(PolicyLoad.Rejected.class);
        return ((PolicyLoad.Rejected) load).problems().stream().map(PolicyProblem::toString).toList();
    }
}
