package dev.sightline.detect.siem;

import static dev.sightline.detect.siem.SiemJson.MAPPER;
import static dev.sightline.detect.siem.SiemJson.putIfPresent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@link Alert} as an OCSF 1.8.0 Detection Finding (class 2004, category 2 Findings), one JSON object. A pure
 * function of the alert: it carries only what the alert holds, so findings appear masked and hashed, never raw.
 */
public final class OcsfRenderer {
    public static final String OCSF_VERSION = "1.8.0";
    public static final int CLASS_UID = 2004;
    public static final int CATEGORY_UID = 2;
    private static final List<String> ACTIVITIES = List.of("Unknown", "Create", "Update", "Close");
    private static final List<String> SEVERITIES = List.of("Unknown", "Informational", "Low", "Medium", "High", "Critical");
    private static final int OBSERVABLE_HOSTNAME = 1;
    private static final int OBSERVABLE_IP_ADDRESS = 2;
    private static final int OBSERVABLE_USER_NAME = 4;
    private static final int OBSERVABLE_HASH = 8;
    private static final int OBSERVABLE_RESOURCE_UID = 10;

    private final SiemProduct product;

    public OcsfRenderer(SiemProduct product) {
        this.product = product;
    }

    public String render(Alert alert) {
        int activity = activityId(alert.getStatus());
        int severity = Math.max(1, Math.min(5, alert.getSeverity()));
        ObjectNode finding = MAPPER.createObjectNode()
                .put("class_uid", CLASS_UID)
                .put("class_name", "Detection Finding")
                .put("category_uid", CATEGORY_UID)
                .put("category_name", "Findings")
                .put("activity_id", activity)
                .put("activity_name", ACTIVITIES.get(activity))
                .put("type_uid", CLASS_UID * 100 + activity)
                .put("type_name", "Detection Finding: " + ACTIVITIES.get(activity))
                .put("time", alert.getCreatedAt().toEpochMilli())
                .put("severity_id", severity)
                .put("severity", SEVERITIES.get(severity))
                .put("status_id", statusId(alert.getStatus()))
                .put("status", alert.getStatus() == AlertStatus.CLOSED ? "Closed" : "New")
                .put("confidence_id", confidenceId(alert.getConfidence()))
                .put("confidence_score", (int) Math.round(alert.getConfidence() * 100))
                .put("is_alert", alert.getStatus() != AlertStatus.CLOSED)
                .put("message", alert.getTitle())
                .put("risk_score", alert.getRiskScore())
                .put("risk_level_id", severity - 1)
                .put("count", alert.getEventCount())
                .put("start_time", alert.getFirstSeen().toEpochMilli())
                .put("end_time", alert.getLastSeen().toEpochMilli());
        finding.set("metadata", metadata(alert));
        finding.set("finding_info", findingInfo(alert));
        finding.set("evidences", MAPPER.createArrayNode().add(evidence(alert)));
        finding.set("resources", resources(alert));
        finding.set("observables", observables(alert));
        if (!alert.getDataClasses().isEmpty()) {
            finding.set("data_classification", dataClassification(alert.getDataClasses()));
        }
        if (alert.getToolName() != null && alert.getVendor() != null) {
            finding.putObject("ai_model").put("model_name", alert.getToolName()).put("ai_provider", alert.getVendor());
        }
        if (!alert.getRecommendedAction().isEmpty()) {
            finding.putObject("remediation").put("desc", alert.getRecommendedAction());
        }
        ObjectNode unmapped = finding.putObject("unmapped");
        unmapped.put("evidence_strength", alert.getEvidenceStrength().name());
        unmapped.set("iso42001_controls", SiemJson.strings(alert.getControls()));
        putIfPresent(unmapped, "catalog_version", alert.getCatalogVersion());
        if (alert.getPolicyVersion() != null) {
            unmapped.put("policy_version", alert.getPolicyVersion());
        }
        return SiemJson.write(finding);
    }

    /** 1 Create for a new alert, 2 Update for a later record of it, 3 Close when it ends. */
    static int activityId(AlertStatus status) {
        return switch (status) {
            case NEW -> 1;
            case UPDATED -> 2;
            case CLOSED -> 3;
        };
    }

    /** 1 New until an analyst reviews it (Sightline does not triage); a closed alert is 99 Other, status "Closed". */
    static int statusId(AlertStatus status) {
        return status == AlertStatus.CLOSED ? 99 : 1;
    }

    /** 1 Low, 2 Medium, 3 High. */
    static int confidenceId(double confidence) {
        return confidence >= 0.8 ? 3 : confidence >= 0.5 ? 2 : 1;
    }

    private ObjectNode metadata(Alert alert) {
        ObjectNode metadata = MAPPER.createObjectNode().put("version", OCSF_VERSION).put("uid", alert.getAlertId());
        metadata.putObject("product").put("name", product.name()).put("vendor_name", product.vendor())
                .put("version", product.version());
        metadata.set("labels", SiemJson.strings(alert.getControls().stream().map(c -> "iso42001:" + c).toList()));
        return metadata;
    }

    private static ObjectNode findingInfo(Alert alert) {
        ObjectNode info = MAPPER.createObjectNode()
                .put("uid", alert.getAlertId())
                .put("title", alert.getTitle());
        putIfPresent(info, "desc", alert.getDescription());
        info.putObject("analytic")
                .put("uid", alert.getRuleId())
                .put("name", alert.getRuleId())
                .put("type_id", 1)
                .put("type", "Rule")
                .put("version", Integer.toString(alert.getRuleVersion()));
        info.put("created_time", alert.getCreatedAt().toEpochMilli())
                .put("first_seen_time", alert.getFirstSeen().toEpochMilli())
                .put("last_seen_time", alert.getLastSeen().toEpochMilli())
                .put("related_events_count", alert.getEventCount());
        info.set("types", MAPPER.createArrayNode().add(alert.getRuleId()));
        return info;
    }

    private static ObjectNode evidence(Alert alert) {
        ObjectNode evidence = MAPPER.createObjectNode();
        if (alert.getUser() != null) {
            ObjectNode user = evidence.putObject("actor").putObject("user").put("name", alert.getUser());
            if (alert.getDepartment() != null) {
                user.putObject("org").put("ou_name", alert.getDepartment());
            }
        }
        if (alert.getClientIp() != null) {
            evidence.putObject("src_endpoint").put("ip", alert.getClientIp());
        }
        String host = SiemJson.host(alert);
        if (host != null) {
            evidence.putObject("dst_endpoint").put("hostname", host);
        }
        ObjectNode data = evidence.putObject("data");
        putIfPresent(data, "tool_id", alert.getToolId());
        putIfPresent(data, "tool_name", alert.getToolName());
        data.put("account_type", alert.getAccountType().name());
        data.put("event_count", alert.getEventCount());
        if (alert.getBytesOut() != null) {
            data.put("bytes_out", alert.getBytesOut());
        }
        data.set("data_classes", SiemJson.strings(alert.getDataClasses()));
        data.set("findings", SiemJson.maskedFindings(alert));
        data.set("source_event_ids", SiemJson.strings(alert.getSourceEventIds()));
        ObjectNode attributes = data.putObject("attributes");
        alert.getAttributes().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> attributes.put(e.getKey(), e.getValue()));
        return evidence;
    }

    private static ArrayNode resources(Alert alert) {
        ArrayNode resources = MAPPER.createArrayNode();
        if (alert.getToolId() != null) {
            ObjectNode tool = resources.addObject().put("uid", alert.getToolId()).put("type", "AI Tool");
            putIfPresent(tool, "name", alert.getToolName());
        }
        alert.getAssets().forEach(asset -> resources.addObject().put("uid", asset).put("type", "Data Asset"));
        return resources;
    }

    private static ArrayNode observables(Alert alert) {
        ArrayNode observables = MAPPER.createArrayNode();
        if (alert.getUser() != null) {
            observable(observables, "evidences[0].actor.user.name", OBSERVABLE_USER_NAME, alert.getUser());
        }
        if (alert.getClientIp() != null) {
            observable(observables, "evidences[0].src_endpoint.ip", OBSERVABLE_IP_ADDRESS, alert.getClientIp());
        }
        String host = SiemJson.host(alert);
        if (host != null) {
            observable(observables, "evidences[0].dst_endpoint.hostname", OBSERVABLE_HOSTNAME, host);
        }
        int offset = alert.getToolId() == null ? 0 : 1;
        for (int i = 0; i < alert.getAssets().size(); i++) {
            observable(observables, "resources[" + (i + offset) + "].uid", OBSERVABLE_RESOURCE_UID, alert.getAssets().get(i));
        }
        List<Finding> findings = alert.getFindings();
        for (int i = 0; i < findings.size(); i++) {
            if (!findings.get(i).getValueHash().isEmpty()) {
                observable(observables, "evidences[0].data.findings[" + i + "].value_hash", OBSERVABLE_HASH,
                        findings.get(i).getValueHash());
            }
        }
        return observables;
    }

    private static void observable(ArrayNode observables, String name, int typeId, String value) {
        observables.addObject().put("name", name).put("type_id", typeId).put("value", value);
    }

    /** OCSF category: 1 Personal (PII, PHI), 3 Financial (PCI), 4 Business (code, classified), 6 Security (secrets). */
    private static ObjectNode dataClassification(List<DataClass> classes) {
        Set<Integer> categories = classes.stream().map(OcsfRenderer::category).collect(Collectors.toSet());
        int category = categories.size() == 1 ? categories.iterator().next() : 99;
        return MAPPER.createObjectNode()
                .put("category_id", category)
                .put("category", classes.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
    }

    private static int category(DataClass dataClass) {
        return switch (dataClass) {
            case PII, PHI -> 1;
            case PCI -> 3;
            case SOURCE_CODE, CLASSIFIED_ASSET -> 4;
            case SECRET -> 6;
            case OTHER -> 99;
        };
    }
}
