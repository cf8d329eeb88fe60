package dev.sightline.detect.rules;

import dev.sightline.detect.Actor;
import dev.sightline.detect.Detection;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.RuleIdentity;
import dev.sightline.detect.Severity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shadow AI: use of an AI tool the policy marks UNSANCTIONED, or that nobody has reviewed (UNREVIEWED, which is every
 * tool when no policy is in force). Blocked requests are left to {@link BlockedAttemptsRule}: nothing was used.
 * One alert per user and tool per suppression window (default 24 h), counting the events it covers.
 * Severity: UNSANCTIONED 3, UNREVIEWED 2, +1 for a tool of catalog risk 70 or more.
 */
public final class ShadowAiRule implements DetectionRule {
    public static final String ID = "shadow-ai";
    public static final int VERSION = 1;
    public static final List<String> CONTROLS = List.of("A.9.2", "A.10.3", "A.4.2");
    public static final RuleIdentity IDENTITY = new RuleIdentity(ID, VERSION, CONTROLS);
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** Catalog risk from which a tool counts as high risk (RiskScore of the catalog module: 70+ = high). */
    static final int HIGH_TOOL_RISK = 70;

    @Override
    public RuleIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Detection> evaluate(AiUsageEvent event, DetectionContext context) {
        ToolMatch tool = event.getTool();
        if (tool == null || event.getProxyAction() == ProxyAction.BLOCKED) {
            return List.of();
        }
        SanctionStatus sanction = context.policy().sanction(tool);
        if (sanction != SanctionStatus.UNSANCTIONED && sanction != SanctionStatus.UNREVIEWED) {
            return List.of();
        }
        boolean unsanctioned = sanction == SanctionStatus.UNSANCTIONED;
        int severity = (unsanctioned ? Severity.MEDIUM : Severity.LOW) + (tool.getRiskScore() >= HIGH_TOOL_RISK ? 1 : 0);
        String decidedBy = context.policy().names(tool.getToolId()) ? "policy" : "catalog";
        String actor = Actor.key(event);
        String title = (unsanctioned ? "Unsanctioned" : "Unreviewed") + " AI tool used: " + tool.getName();
        String description = actor + " used " + tool.getName()
                + (tool.getVendor() == null ? "" : " (" + tool.getVendor() + ")")
                + (unsanctioned ? ", which the " + decidedBy + " marks unsanctioned."
                        : ", which no policy has reviewed: its terms, data handling and risk are unassessed.")
                + (tool.getCandidate() ? " The service is not catalogued; it was recognised by its AI API signature." : "");
        String action = unsanctioned
                ? "Contact the user, block the tool at the proxy and point them to a sanctioned alternative."
                : "Review the tool (vendor terms, data handling, risk) and record a decision in the policy.";
        return List.of(new Detection(this, actor, tool.getToolId(), title, description, severity,
                tool.getCandidate() ? 0.6 : 0.9, Set.copyOf(event.getDataClasses()), event.getFindings(),
                DEFAULT_WINDOW, Map.of("sanction", sanction.name(), "decidedBy", decidedBy), action));
    }
}
