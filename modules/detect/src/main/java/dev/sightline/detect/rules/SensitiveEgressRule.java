package dev.sightline.detect.rules;

import dev.sightline.detect.Actor;
import dev.sightline.detect.ApprovalScope;
import dev.sightline.detect.Detection;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.RuleIdentity;
import dev.sightline.detect.Severity;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sensitive-data egress: content findings or classified assets of a data class the tool is not approved for. Only a
 * SANCTIONED or TOLERATED tool can be approved for anything, through the approvals whose scope covers the user;
 * every data class sent to any other AI tool is egress. Blocked requests are not egress (nothing left).
 *
 * <p>Severity = clamp(1..5, class + tool + volume):
 * <ul>
 *   <li>class: highest base of the offending classes — SECRET, PHI, PCI 4; PII, CLASSIFIED_ASSET, SOURCE_CODE 3;
 *       OTHER 2;</li>
 *   <li>tool: +1 for catalog risk 70 or more or an uncatalogued (candidate) service, -1 for risk below 30;</li>
 *   <li>volume: +1 for {@value #MANY_FINDINGS} or more offending findings or 1 MiB or more uploaded.</li>
 * </ul>
 */
public final class SensitiveEgressRule implements DetectionRule {
    public static final String ID = "sensitive-egress";
    public static final int VERSION = 1;
    public static final List<String> CONTROLS = List.of("A.4.3", "A.7.5", "A.9.4");
    public static final RuleIdentity IDENTITY = new RuleIdentity(ID, VERSION, CONTROLS);
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    static final int MANY_FINDINGS = 10;
    static final long LARGE_UPLOAD_BYTES = 1 << 20;
    static final int HIGH_TOOL_RISK = 70;
    static final int LOW_TOOL_RISK = 30;
    /** Labels of a classification table entry are a deliberate decision: high confidence. */
    static final double ASSET_CONFIDENCE = 0.9;
    private static final Map<DataClass, Integer> CLASS_BASE = Map.of(
            DataClass.SECRET, 4, DataClass.PHI, 4, DataClass.PCI, 4,
            DataClass.PII, 3, DataClass.CLASSIFIED_ASSET, 3, DataClass.SOURCE_CODE, 3, DataClass.OTHER, 2);

    @Override
    public RuleIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Detection> evaluate(AiUsageEvent event, DetectionContext context) {
        ToolMatch tool = event.getTool();
        if (tool == null || event.getProxyAction() == ProxyAction.BLOCKED || event.getDataClasses().isEmpty()) {
            return List.of();
        }
        SanctionStatus sanction = context.policy().sanction(tool);
        Set<DataClass> allowed = EnumSet.noneOf(DataClass.class);
        if (sanction == SanctionStatus.SANCTIONED || sanction == SanctionStatus.TOLERATED) {
            Optional<AiTool> entry = context.catalog().tool(tool.getToolId());
            allowed.addAll(ApprovalScope.allowedDataClasses(context.policy().approvals(tool, entry), event,
                    event.getEventTime()));
        }
        EnumSet<DataClass> offending = EnumSet.copyOf(event.getDataClasses());
        offending.removeAll(allowed);
        if (offending.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = event.getFindings().stream().filter(f -> offending.contains(f.getDataClass())).toList();
        boolean fromAsset = event.getAssets().stream().map(AccessedAsset::getDataClasses).flatMap(List::stream)
                .anyMatch(offending::contains);
        double confidence = fromAsset ? ASSET_CONFIDENCE
                : findings.stream().mapToDouble(Finding::getConfidence).max().orElse(0.5);
        String actor = Actor.key(event);
        String classes = offending.stream().map(Enum::name).collect(Collectors.joining(", "));
        String description = actor + " sent " + classes + " data to " + tool.getName() + " ("
                + sanction.name().toLowerCase(Locale.ROOT) + "), which is not approved to receive it"
                + (findings.isEmpty() ? "" : "; " + findings.size() + " finding(s) in the content")
                + (fromAsset ? "; from classified assets" : "") + ".";
        return List.of(new Detection(this, actor, tool.getToolId(), "Sensitive data (" + classes + ") sent to "
                + tool.getName(), description, severity(offending, tool, findings.size(), event.getBytesOut()),
                Math.max(0, Math.min(1, confidence)), offending, findings, DEFAULT_WINDOW,
                Map.of("allowedDataClasses", allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        "sanction", sanction.name()),
                "Check what was sent, have secrets rotated and records of personal data assessed; remind the user of"
                        + " the tools approved for this data."));
    }

    static int severity(Set<DataClass> offending, ToolMatch tool, int findingCount, Long bytesOut) {
        int classBase = offending.stream().mapToInt(c -> CLASS_BASE.getOrDefault(c, 2)).max().orElse(2);
        int toolTerm = tool.getCandidate() || tool.getRiskScore() >= HIGH_TOOL_RISK ? 1
                : tool.getRiskScore() < LOW_TOOL_RISK ? -1 : 0;
        int volumeTerm = findingCount >= MANY_FINDINGS || (bytesOut != null && bytesOut >= LARGE_UPLOAD_BYTES) ? 1 : 0;
        return Severity.clamp(classBase + toolTerm + volumeTerm);
    }
}
