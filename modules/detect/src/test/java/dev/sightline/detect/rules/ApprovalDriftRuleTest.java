package dev.sightline.detect.rules;

import static dev.sightline.detect.Fixtures.T0;
import static dev.sightline.detect.Fixtures.approval;
import static dev.sightline.detect.Fixtures.event;
import static dev.sightline.detect.Fixtures.policy;
import static dev.sightline.detect.Fixtures.tool;
import static dev.sightline.detect.Fixtures.toolRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.detect.ActivePolicy;
import dev.sightline.detect.Detection;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.ToolCatalog;
import dev.sightline.model.AccountType;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.SanctionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApprovalDriftRuleTest {
    private final ApprovalDriftRule rule = new ApprovalDriftRule();
    private final Approval engineering = approval("A-7").setDepartments(List.of("engineering"))
            .setDataClasses(List.of(DataClass.SOURCE_CODE)).setExpiresAt(T0.plus(Duration.ofDays(30))).build();

    private List<Detection> evaluate(AiUsageEvent event, ToolCatalog catalog) {
        var policy = policy(2, List.of(toolRule("copilot", SanctionStatus.SANCTIONED, List.of(engineering))));
        return rule.evaluate(event, new DetectionContext(ActivePolicy.of(policy), catalog));
    }

    private AiUsageEvent.Builder use() {
        return event("alice", tool("copilot", SanctionStatus.SANCTIONED, 20), T0);
    }

    @Test
    void useWithinTheApprovalIsNoDrift() {
        assertThat(evaluate(use().setDataClasses(List.of(DataClass.SOURCE_CODE)).build(), ToolCatalog.EMPTY)).isEmpty();
    }

    @Test
    void anotherDepartmentIsDrift() {
        var event = use().build();
        event.getIdentity().setDepartment("sales");
        assertThat(evaluate(event, ToolCatalog.EMPTY)).singleElement().satisfies(d -> {
            assertThat(d.attributes()).containsEntry("approvalId", "A-7");
            assertThat(d.description()).contains("department not in the approval's scope");
            assertThat(d.severity()).isEqualTo(3);
        });
    }

    @Test
    void aPersonalAccountOrAnUnapprovedDataClassIsGraverDrift() {
        assertThat(evaluate(use().setAccountType(AccountType.PERSONAL).build(), ToolCatalog.EMPTY))
                .singleElement().satisfies(d -> assertThat(d.severity()).isEqualTo(4));
        assertThat(evaluate(use().setDataClasses(List.of(DataClass.PII)).build(), ToolCatalog.EMPTY))
                .singleElement().satisfies(d -> assertThat(d.description()).contains("data class not approved"));
        assertThat(evaluate(use().setAccountType(AccountType.UNKNOWN).build(), ToolCatalog.EMPTY))
                .as("an unknown account type is not held against the user").isEmpty();
    }

    @Test
    void useAfterExpiryIsDrift() {
        var late = event("alice", tool("copilot", SanctionStatus.SANCTIONED, 20), T0.plus(Duration.ofDays(31))).build();
        assertThat(evaluate(late, ToolCatalog.EMPTY)).singleElement()
                .satisfies(d -> assertThat(d.description()).contains("approval expired"));
    }

    @Test
    void aTermsChangeAfterTheApprovalIsDrift() {
        AiTool changed = AiTool.newBuilder().setId("copilot").setName("Copilot")
                .setTermsChangedAt(T0.minus(Duration.ofHours(1))).setUpdatedAt(T0).build();
        assertThat(evaluate(use().build(), id -> Optional.of(changed))).singleElement()
                .satisfies(d -> assertThat(d.attributes()).containsKey("termsChangedAt"));
        AiTool changedBefore = AiTool.newBuilder(changed).setTermsChangedAt(T0.minus(Duration.ofDays(5))).build();
        assertThat(evaluate(use().build(), id -> Optional.of(changedBefore)))
                .as("terms changed before the policy was imported (1 day before T0)").isEmpty();
    }

    @Test
    void onlySanctionedToolsCanDrift() {
        var event = event("alice", tool("other", SanctionStatus.UNSANCTIONED, 20), T0)
                .setAccountType(AccountType.PERSONAL).build();
        assertThat(evaluate(event, ToolCatalog.EMPTY)).isEmpty();
    }
}
