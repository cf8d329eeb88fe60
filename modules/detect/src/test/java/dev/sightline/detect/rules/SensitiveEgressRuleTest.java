package dev.sightline.detect.rules;

import static dev.sightline.detect.Fixtures.T0;
import static dev.sightline.detect.Fixtures.approval;
import static dev.sightline.detect.Fixtures.context;
import static dev.sightline.detect.Fixtures.event;
import static dev.sightline.detect.Fixtures.finding;
import static dev.sightline.detect.Fixtures.policy;
import static dev.sightline.detect.Fixtures.tool;
import static dev.sightline.detect.Fixtures.toolRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.AccessedAsset;
import dev.sightline.model.DataClass;
import dev.sightline.model.SanctionStatus;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SensitiveEgressRuleTest {
    private final SensitiveEgressRule rule = new SensitiveEgressRule();

    @Test
    void aSecretSentToAnUnreviewedToolIsEgressWithMaskedFindingsOnly() {
        var event = event("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 50), T0)
                .setFindings(List.of(finding("AWS_ACCESS_KEY_ID", DataClass.SECRET)))
                .setDataClasses(List.of(DataClass.SECRET)).build();
        assertThat(rule.evaluate(event, context(null))).singleElement().satisfies(d -> {
            assertThat(d.dataClasses()).containsExactly(DataClass.SECRET);
            assertThat(d.severity()).isEqualTo(4);
            assertThat(d.findings()).extracting(f -> f.getMaskedPreview()).containsExactly("****");
            assertThat(d.confidence()).isEqualTo(0.95);
        });
    }

    @Test
    void dataClassesTheApprovalCoversAreNotEgressOthersAre() {
        var policy = policy(1, List.of(toolRule("copilot", SanctionStatus.SANCTIONED,
                List.of(approval("A-1").setDataClasses(List.of(DataClass.SOURCE_CODE)).build()))));
        var code = event("alice", tool("copilot", SanctionStatus.SANCTIONED, 20), T0)
                .setDataClasses(List.of(DataClass.SOURCE_CODE)).build();
        assertThat(rule.evaluate(code, context(policy))).isEmpty();

        var codeAndPii = event("alice", tool("copilot", SanctionStatus.SANCTIONED, 20), T0)
                .setFindings(List.of(finding("EMAIL", DataClass.PII), finding("JAVA", DataClass.SOURCE_CODE)))
                .setDataClasses(List.of(DataClass.SOURCE_CODE, DataClass.PII)).build();
        assertThat(rule.evaluate(codeAndPii, context(policy))).singleElement().satisfies(d -> {
            assertThat(d.dataClasses()).containsExactly(DataClass.PII);
            assertThat(d.findings()).extracting(f -> f.getType()).containsExactly("EMAIL");
            assertThat(d.severity()).as("PII 3, low-risk tool -1").isEqualTo(2);
        });
    }

    @Test
    void classifiedAssetsCountAsEgressWithHighConfidence() {
        var asset = AccessedAsset.newBuilder().setId("doc-1").setAssetId("customer-master")
                .setDataClasses(List.of(DataClass.CLASSIFIED_ASSET)).build();
        var event = event("bob", tool("gemini", SanctionStatus.UNSANCTIONED, 75), T0).setAssets(List.of(asset))
                .setDataClasses(List.of(DataClass.CLASSIFIED_ASSET)).setBytesOut(2L << 20).build();
        assertThat(rule.evaluate(event, context(null))).singleElement().satisfies(d -> {
            assertThat(d.confidence()).isEqualTo(0.9);
            assertThat(d.severity()).as("class 3 + risky tool 1 + volume 1").isEqualTo(5);
        });
    }

    @Test
    void severityFormula() {
        var risky = tool("t", SanctionStatus.UNREVIEWED, 90);
        var safe = tool("t", SanctionStatus.UNREVIEWED, 10);
        assertThat(SensitiveEgressRule.severity(Set.of(DataClass.OTHER), safe, 0, null)).isEqualTo(1);
        assertThat(SensitiveEgressRule.severity(Set.of(DataClass.PCI), risky, 0, null)).isEqualTo(5);
        assertThat(SensitiveEgressRule.severity(Set.of(DataClass.PII), risky, 12, null)).isEqualTo(5);
    }

    @Test
    void noDataClassNoEgress() {
        assertThat(rule.evaluate(event("a", tool("x", SanctionStatus.UNSANCTIONED, 50), T0).build(), context(null))).isEmpty();
    }
}
