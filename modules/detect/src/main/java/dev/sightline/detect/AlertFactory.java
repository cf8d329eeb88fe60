package dev.sightline.detect;

import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.EvidenceStrength;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns one detection about one event into an alert record covering that event. */
public final class AlertFactory {
    /** Attribute holding the catalog risk of the tool, kept so that a merged alert can be re-scored. */
    public static final String TOOL_RISK_ATTRIBUTE = "toolRisk";

    private AlertFactory() {
    }

    /** Deterministic alert id: {@code rule|subject|tool|window start}, so repeats in the window update one alert. */
    public static String alertId(String ruleId, String subject, String toolKey, Instant windowStart) {
        return ruleId + '|' + subject + '|' + toolKey + '|' + windowStart;
    }

    public static AlertCandidate build(Detection detection, AiUsageEvent event, DetectionContext context,
                                       Duration window, Instant now) {
        DetectionRule rule = detection.rule();
        // An alert not about one tool (e.g. volume across all AI tools) names none.
        ToolMatch tool = Detection.NO_TOOL.equals(detection.toolKey()) ? null : event.getTool();
        Optional<AiTool> catalogEntry = tool == null ? Optional.empty() : context.catalog().tool(tool.getToolId());
        Instant windowStart = DetectionWindow.start(event.getEventTime(), window);
        int severity = context.policy().severity(rule.id(), tool == null ? null : tool.getToolId(), detection.severity());
        EvidenceStrength evidence = Evidence.of(event);
        Integer toolRisk = tool == null || tool.getCandidate() ? null : tool.getRiskScore();
        List<DataClass> dataClasses = detection.dataClasses().stream().sorted().toList();

        Map<String, String> attributes = new HashMap<>(detection.attributes());
        if (toolRisk != null) {
            attributes.put(TOOL_RISK_ATTRIBUTE, Integer.toString(toolRisk));
        }
        return new AlertCandidate(Alert.newBuilder()
                .setAlertId(alertId(rule.id(), detection.subject(), detection.toolKey(), windowStart))
                .setRuleId(rule.id())
                .setRuleVersion(rule.version())
                .setTitle(detection.title())
                .setDescription(detection.description())
                .setSeverity(severity)
                .setRiskScore(RiskScore.score(new RiskScore.Inputs(severity, dataClasses, toolRisk, evidence,
                        event.getBytesOut(), 1, detection.confidence())))
                .setConfidence(detection.confidence())
                .setEvidenceStrength(evidence)
                .setStatus(AlertStatus.NEW)
                .setUser(Actor.user(event).orElse(null))
                .setDepartment(Actor.department(event).orElse(null))
                .setToolId(tool == null ? null : tool.getToolId())
                .setToolName(tool == null ? null : tool.getName())
                .setVendor(tool == null ? null : tool.getVendor())
                .setAccountType(event.getAccountType())
                .setDataClasses(new ArrayList<>(dataClasses))
                .setAssets(assetIds(event))
                .setFindings(new ArrayList<>(detection.findings()))
                .setEventCount(1)
                .setBytesOut(event.getBytesOut())
                .setClientIp(event.getClientIp())
                .setHost(event.getHost())
                .setFirstSeen(event.getEventTime())
                .setLastSeen(event.getEventTime())
                .setCreatedAt(now)
                .setSourceEventIds(new ArrayList<>(List.of(event.getEventId())))
                .setSources(event.getSource() == null ? new ArrayList<>() : new ArrayList<>(List.of(event.getSource())))
                .setControls(new ArrayList<>(rule.controls()))
                .setAttributes(attributes)
                .setCatalogVersion(catalogEntry.map(AiTool::getCatalogVersion).filter(v -> !v.isEmpty()).orElse(null))
                .setPolicyVersion(context.policy().version().orElse(null))
                .setRecommendedAction(detection.recommendedAction())
                .build(), windowStart);
    }

    /** Ids of classified assets (ref.data-assets) the event touched. */
    private static List<String> assetIds(AiUsageEvent event) {
        return new ArrayList<>(event.getAssets().stream().map(AccessedAsset::getAssetId)
                .filter(id -> id != null && !id.isEmpty()).distinct().toList());
    }
}
