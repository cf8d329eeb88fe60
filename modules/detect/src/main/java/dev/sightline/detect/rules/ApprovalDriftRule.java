package dev.sightline.detect.rules;

import dev.sightline.detect.Actor;
import dev.sightline.detect.ApprovalScope;
import dev.sightline.detect.Detection;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.RuleIdentity;
import dev.sightline.detect.Severity;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Approval;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Approval drift: a SANCTIONED tool used outside every one of its approvals — a department or group not in scope, a
 * data class not approved, a personal account, an expired approval — or after the catalog reported a change of the
 * vendor's terms ({@code AiTool.termsChangedAt}) later than the approval. An approval is as old as the policy version
 * that holds it ({@code Policy.importedAt}); approvals that come from the catalog (no policy names the tool) carry no
 * grant time, so terms changes are only checked against policy approvals.
 * A sanctioned tool without approvals is sanctioned for everyone: only a terms change can drift it.
 * Severity: personal account or unapproved data class 4, otherwise 3.
 */
public final class ApprovalDriftRule implements DetectionRule {
    public static final String ID = "approval-drift";
    public static final int VERSION = 1;
    public static final List<String> CONTROLS = List.of("A.9.4", "A.2.4", "A.10.3");
    public static final RuleIdentity IDENTITY = new RuleIdentity(ID, VERSION, CONTROLS);
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    public static final String TERMS_CHANGED = "vendor terms changed after the approval";

    @Override
    public RuleIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Detection> evaluate(AiUsageEvent event, DetectionContext context) {
        ToolMatch tool = event.getTool();
        if (tool == null || event.getProxyAction() == ProxyAction.BLOCKED
                || context.policy().sanction(tool) != SanctionStatus.SANCTIONED) {
            return List.of();
        }
        Instant at = event.getEventTime();
        Optional<AiTool> entry = context.catalog().tool(tool.getToolId());
        List<Approval> approvals = context.policy().approvals(tool, entry);
        List<String> reasons = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>();
        int severity = Severity.MEDIUM;
        double confidence = 0.9;

        Optional<ApprovalScope.Fit> fit = ApprovalScope.bestFit(approvals, event, at);
        if (fit.isPresent() && !fit.get().gaps().isEmpty()) {
            Set<ApprovalScope.Gap> gaps = fit.get().gaps();
            attributes.put("approvalId", fit.get().approval().getId());
            gaps.stream().sorted().forEach(gap -> reasons.add(gap.reason()));
            if (gaps.contains(ApprovalScope.Gap.ACCOUNT_TYPE) || gaps.contains(ApprovalScope.Gap.DATA_CLASS)) {
                severity = Severity.HIGH;
            }
            boolean onlyWho = gaps.stream().allMatch(g -> g == ApprovalScope.Gap.DEPARTMENT || g == ApprovalScope.Gap.GROUP);
            if (onlyWho && event.getIdentity() == null) {
                confidence = 0.6; // the user is not in the directory: scope cannot be confirmed either way
            }
        }
        Optional<Instant> termsChanged = termsChangedSinceApproval(entry, context, tool, at);
        if (termsChanged.isPresent()) {
            reasons.add(TERMS_CHANGED);
            attributes.put("termsChangedAt", termsChanged.get().toString());
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        attributes.put("reasons", String.join("; ", reasons));
        String actor = Actor.key(event);
        String description = actor + " used " + tool.getName() + " outside its approval: " + String.join("; ", reasons) + ".";
        return List.of(new Detection(this, actor, tool.getToolId(), "Approved AI tool used outside its approval: "
                + tool.getName(), description, severity, confidence, Set.copyOf(event.getDataClasses()),
                event.getFindings(), DEFAULT_WINDOW, attributes,
                "Confirm with the tool's owner whether the use is legitimate; extend the approval or stop the use."));
    }

    /** A terms change reported after the policy granting the approval was imported, and before this use. */
    private static Optional<Instant> termsChangedSinceApproval(Optional<AiTool> entry, DetectionContext context,
                                                              ToolMatch tool, Instant at) {
        Optional<Instant> grantedAt = context.policy().names(tool.getToolId()) ? context.policy().importedAt()
                : Optional.empty();
        Optional<Instant> changed = entry.map(AiTool::getTermsChangedAt);
        if (grantedAt.isEmpty() || changed.isEmpty()) {
            return Optional.empty();
        }
        return changed.get().isAfter(grantedAt.get()) && !changed.get().isAfter(at) ? changed : Optional.empty();
    }
}
