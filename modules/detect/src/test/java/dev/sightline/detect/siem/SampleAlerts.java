package dev.sightline.detect.siem;

import dev.sightline.model.AccountType;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.EvidenceStrength;
import dev.sightline.model.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Alerts as the rules build them, for the renderer tests. */
final class SampleAlerts {
    static final Instant FIRST = Instant.parse("2026-11-27T09:00:00Z");
    static final Instant LAST = Instant.parse("2026-11-27T09:40:00Z");
    static final Instant CREATED = Instant.parse("2026-11-27T09:40:01Z");
    static final String MASKED_CARD = "4111 **** **** 1111";
    static final String CARD_HASH = "9f2c4e0b7a1d3c5e";
    static final String CLIENT_IP = "10.20.30.40";
    static final String HOST = "chatgpt.com";

    private SampleAlerts() {
    }

    static Alert.Builder egress() {
        return Alert.newBuilder()
                .setAlertId("sensitive-egress|alice@corp.example|chatgpt|2026-11-27T09:00:00Z")
                .setRuleId("sensitive-egress")
                .setRuleVersion(2)
                .setTitle("Card numbers sent to ChatGPT")
                .setDescription("PCI data went to a tool not approved for it")
                .setSeverity(4)
                .setRiskScore(82)
                .setConfidence(0.95)
                .setEvidenceStrength(EvidenceStrength.CONTENT)
                .setStatus(AlertStatus.NEW)
                .setUser("alice@corp.example")
                .setDepartment("Finance")
                .setToolId("chatgpt")
                .setToolName("ChatGPT")
                .setVendor("OpenAI")
                .setAccountType(AccountType.PERSONAL)
                .setDataClasses(new ArrayList<>(List.of(DataClass.PCI)))
                .setAssets(new ArrayList<>(List.of("asset-42")))
                .setFindings(new ArrayList<>(List.of(Finding.newBuilder().setType("CREDIT_CARD")
                        .setDataClass(DataClass.PCI).setStart(10).setEnd(29).setConfidence(0.99)
                        .setMaskedPreview(MASKED_CARD).setValueHash(CARD_HASH).build())))
                .setEventCount(3)
                .setBytesOut(2_097_152L)
                .setClientIp(CLIENT_IP)
                .setHost(HOST)
                .setFirstSeen(FIRST)
                .setLastSeen(LAST)
                .setCreatedAt(CREATED)
                .setSourceEventIds(new ArrayList<>(List.of("e1", "e2", "e3")))
                .setControls(new ArrayList<>(List.of("A.4.3", "A.7.5", "A.9.4")))
                .setAttributes(new HashMap<>(Map.of("allowedDataClasses", "SOURCE_CODE")))
                .setCatalogVersion("2026.11.0")
                .setPolicyVersion(7)
                .setRecommendedAction("Contact the user and rotate the affected card.");
    }

    /** An alert with nothing optional: no user, tool, findings, bytes. */
    static Alert bare() {
        return Alert.newBuilder()
                .setAlertId("upload-anomaly|-|-|2026-11-27T09:00:00Z")
                .setRuleId("upload-anomaly")
                .setTitle("Upload volume far above baseline")
                .setFirstSeen(FIRST)
                .setLastSeen(LAST)
                .setCreatedAt(CREATED)
                .build();
    }
}
