package dev.sightline.app.evidence;

import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AccountType;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.AuditOutcome;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.EvidenceStrength;
import dev.sightline.model.Finding;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.model.LineageSourceKind;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small, readable evidence records for the export's tests. */
final class EvidenceFixtures {
    static final Instant T0 = Instant.parse("2026-11-02T00:00:00Z");
    static final EvidencePeriod PERIOD = new EvidencePeriod(T0, T0.plus(Duration.ofDays(1)));

    private EvidenceFixtures() {
    }

    static Alert alert(String id, String rule, AlertStatus status, Instant lastSeen, List<String> controls) {
        return Alert.newBuilder().setAlertId(id).setRuleId(rule).setRuleVersion(1).setTitle("Shadow AI: <DeepSeek>")
                .setDescription("d").setSeverity(8).setRiskScore(80).setConfidence(0.9)
                .setEvidenceStrength(EvidenceStrength.values()[0]).setStatus(status).setUser("bob@corp.example")
                .setToolId("deepseek").setToolName("DeepSeek").setAccountType(AccountType.PERSONAL)
                .setDataClasses(List.of(DataClass.SECRET))
                .setFindings(List.of(Finding.newBuilder().setType("AWS_ACCESS_KEY_ID").setDataClass(DataClass.SECRET)
                        .setMaskedPreview("AKIA************MPLE").setValueHash("5e3a9c").build()))
                .setEventCount(3).setFirstSeen(lastSeen.minusSeconds(60)).setLastSeen(lastSeen)
                .setCreatedAt(lastSeen.plusSeconds(1))
                .setSources(List.of(source("zscaler", 7)))
                .setControls(controls).setRecommendedAction("Block the tool").build();
    }

    static AuditRecord audit(long sequence, String user, String tool, SanctionStatus sanction, AuditOutcome outcome,
                             Instant at, List<DataClass> classes, String format) {
        return AuditRecord.newBuilder().setRecordId("r-" + sequence).setSequence(sequence).setEventId("e-" + sequence)
                .setEventTime(at).setRecordedAt(at.plusSeconds(2)).setUser(user).setDepartment("finance")
                .setToolId(tool).setToolName(tool).setVendor("vendor-" + tool).setSanction(sanction)
                .setAccountType(AccountType.CORPORATE).setDataClasses(classes)
                .setAssets(List.of(AccessedAsset.newBuilder().setId("doc-1").setAssetId("asset-payroll").build()))
                .setFindings(List.of()).setOutcome(outcome).setAlertIds(List.of()).setSource(source(format, sequence))
                .setControls(List.of("A.6.2.8", "A.4.3")).setPreviousHash("00").setHash("h" + sequence).build();
    }

    static InventoryEntry tool(String id, SanctionStatus sanction, long events, String owner) {
        return InventoryEntry.newBuilder().setToolId(id).setToolName(id).setVendor("vendor-" + id).setCategory("chat")
                .setFirstSeen(T0.minus(Duration.ofDays(10))).setLastSeen(T0.plus(Duration.ofHours(3)))
                .setEventCount(events).setDistinctUsers(2).setDistinctDepartments(1).setDepartments(List.of("finance"))
                .setDataClasses(List.of(DataClass.PII)).setSanction(sanction).setRiskScore(75).setOwner(owner)
                .setCandidate(false).setUpdatedAt(T0).build();
    }

    static LineageEdge edge(String assetId, String tool) {
        return LineageEdge.newBuilder().setEdgeId(assetId + "|" + tool).setSourceKind(LineageSourceKind.ASSET)
                .setAssetId(assetId).setAssetName(assetId).setToolId(tool).setEventCount(4).setDistinctUsers(1)
                .setUsers(List.of("alice@corp.example")).setFirstSeen(T0.plusSeconds(10)).setLastSeen(T0.plusSeconds(20))
                .setUpdatedAt(T0).build();
    }

    private static SourceCoordinates source(String format, long offset) {
        return SourceCoordinates.newBuilder().setFormat(format).setTopic("raw.proxy." + format).setPartition(0)
                .setOffset(offset).build();
    }
}
