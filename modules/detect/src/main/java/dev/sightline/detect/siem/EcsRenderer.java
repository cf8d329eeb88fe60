package dev.sightline.detect.siem;

import static dev.sightline.detect.siem.SiemJson.MAPPER;
import static dev.sightline.detect.siem.SiemJson.putIfPresent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.model.Alert;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An {@link Alert} as an Elastic Common Schema 9.4 alert document ({@code event.kind: alert}, a detection made
 * outside Elastic), one JSON object. Sightline-specific values go under {@code labels} (flat strings, as ECS asks).
 */
public final class EcsRenderer {
    public static final String ECS_VERSION = "9.4.0";
    public static final String RULESET = "sightline-ai-usage";

    private final SiemProduct product;

    public EcsRenderer(SiemProduct product) {
        this.product = product;
    }

    public String render(Alert alert) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("@timestamp", alert.getCreatedAt().toString());
        doc.putObject("ecs").put("version", ECS_VERSION);
        doc.put("message", alert.getTitle());
        ObjectNode event = doc.putObject("event")
                .put("kind", "alert")
                .put("id", alert.getAlertId())
                .put("dataset", "sightline.alerts")
                .put("module", "sightline")
                .put("action", alert.getRuleId())
                .put("severity", alert.getSeverity())
                .put("risk_score", (double) alert.getRiskScore())
                .put("reason", alert.getDescription().isEmpty() ? alert.getTitle() : alert.getDescription())
                .put("created", alert.getCreatedAt().toString())
                .put("start", alert.getFirstSeen().toString())
                .put("end", alert.getLastSeen().toString());
        event.putArray("category").add("intrusion_detection");
        event.putArray("type").add("info");
        doc.putObject("rule")
                .put("id", alert.getRuleId())
                .put("name", alert.getTitle())
                .put("ruleset", RULESET)
                .put("version", Integer.toString(alert.getRuleVersion()))
                .put("description", alert.getDescription());
        doc.putObject("observer").put("vendor", product.vendor()).put("product", product.name())
                .put("version", product.version()).put("type", "monitor");
        if (alert.getUser() != null) {
            doc.putObject("user").put("name", alert.getUser());
        }
        String host = SiemJson.host(alert);
        if (host != null) {
            doc.putObject("destination").put("domain", host);
            doc.putObject("url").put("domain", host);
        }
        if (alert.getClientIp() != null || alert.getBytesOut() != null) {
            ObjectNode source = doc.putObject("source");
            if (alert.getClientIp() != null) {
                source.put("ip", alert.getClientIp());
            }
            if (alert.getBytesOut() != null) {
                source.put("bytes", alert.getBytesOut());
            }
        }
        doc.set("labels", labels(alert));
        return SiemJson.write(doc);
    }

    /** ECS labels are flat keyword values: lists are comma-joined. */
    private static ObjectNode labels(Alert alert) {
        ObjectNode labels = MAPPER.createObjectNode();
        putIfPresent(labels, "iso42001_controls", String.join(",", alert.getControls()));
        putIfPresent(labels, "department", alert.getDepartment());
        putIfPresent(labels, "ai_tool_id", alert.getToolId());
        putIfPresent(labels, "ai_tool_name", alert.getToolName());
        putIfPresent(labels, "ai_tool_vendor", alert.getVendor());
        labels.put("account_type", alert.getAccountType().name());
        putIfPresent(labels, "data_classes", join(alert.getDataClasses()));
        putIfPresent(labels, "data_assets", String.join(",", alert.getAssets()));
        putIfPresent(labels, "masked_findings", SiemJson.maskedFindingsText(alert));
        labels.put("event_count", Long.toString(alert.getEventCount()));
        labels.put("evidence_strength", alert.getEvidenceStrength().name());
        labels.put("confidence", Double.toString(alert.getConfidence()));
        labels.put("alert_status", alert.getStatus().name());
        putIfPresent(labels, "catalog_version", alert.getCatalogVersion());
        if (alert.getPolicyVersion() != null) {
            labels.put("policy_version", Integer.toString(alert.getPolicyVersion()));
        }
        putIfPresent(labels, "recommended_action", alert.getRecommendedAction());
        alert.getAttributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> labels.put("rule_" + e.getKey(), e.getValue()));
        return labels;
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
