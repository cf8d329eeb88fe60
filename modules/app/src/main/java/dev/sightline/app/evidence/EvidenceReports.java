package dev.sightline.app.evidence;

import dev.sightline.app.evidence.EvidenceReport.ControlEvidence;
import dev.sightline.app.evidence.EvidenceReport.EgressCount;
import dev.sightline.app.evidence.EvidenceReport.Gap;
import dev.sightline.app.evidence.EvidenceReport.SanctionedShare;
import dev.sightline.app.evidence.EvidenceReport.SourceCoverage;
import dev.sightline.detect.rules.ApprovalDriftRule;
import dev.sightline.detect.rules.NewAiToolRule;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.AuditOutcome;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.model.LineageSourceKind;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.SourceCoordinates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Records in, evidence out: pure functions, no I/O, so that every figure is unit-tested without Kafka. */
public final class EvidenceReports {
    /** Tools at or above this catalog risk score are "high risk" in the supplier figures. */
    static final int HIGH_RISK = 70;
    /** A source silent for longer than this inside the period is a telemetry gap, unless the caller says otherwise. */
    public static final Duration DEFAULT_GAP_THRESHOLD = Duration.ofHours(1);

    private EvidenceReports() {
    }

    /**
     * @param gapThreshold a source silent for longer than this inside the period is a telemetry gap
     */
    public static EvidenceReport build(EvidencePeriod period, EvidenceInput input, Duration gapThreshold,
                                       Instant generatedAt) {
        if (gapThreshold.isNegative() || gapThreshold.isZero()) {
            throw new IllegalArgumentException("gapThreshold must be positive, was " + gapThreshold);
        }
        List<Alert> alerts = latestAlerts(input.alerts(), period);
        List<Alert> openAlerts = alerts.stream().filter(a -> a.getStatus() != AlertStatus.CLOSED).toList();
        List<AuditRecord> audit = input.audit().stream().filter(r -> period.contains(r.getEventTime()))
                .sorted(Comparator.comparing(AuditRecord::getEventTime).thenComparing(AuditRecord::getRecordId))
                .toList();
        List<InventoryEntry> inventory = input.inventory().stream()
                .filter(e -> period.overlaps(e.getFirstSeen(), e.getLastSeen()))
                .sorted(Comparator.comparing(InventoryEntry::getToolId)).toList();
        List<LineageEdge> lineage = input.lineage().stream()
                .filter(e -> period.overlaps(e.getFirstSeen(), e.getLastSeen()))
                .sorted(Comparator.comparing(LineageEdge::getEdgeId)).toList();
        SanctionedShare share = new SanctionedShare(
                inventory.stream().filter(e -> e.getSanction() == SanctionStatus.SANCTIONED)
                        .mapToLong(InventoryEntry::getEventCount).sum(),
                inventory.stream().mapToLong(InventoryEntry::getEventCount).sum());
        List<EgressCount> egress = egress(audit);
        List<SourceCoverage> coverage = coverage(period, alerts, audit, input.expectedSources(), gapThreshold);

        Facts facts = new Facts(alerts, openAlerts, audit, inventory, lineage, share, egress, coverage);
        List<ControlEvidence> controls = new ArrayList<>();
        for (EvidenceControl control : EvidenceControl.values()) {
            controls.add(new ControlEvidence(control, figures(control, facts),
                    alerts.stream().filter(a -> a.getControls().contains(control.id())).toList(),
                    audit.stream().filter(r -> r.getControls().contains(control.id())).toList()));
        }
        return new EvidenceReport(period, generatedAt, controls, inventory, share, egress, alerts, openAlerts, audit,
                lineage, coverage, gapThreshold);
    }

    private record Facts(List<Alert> alerts, List<Alert> openAlerts, List<AuditRecord> audit,
                         List<InventoryEntry> inventory, List<LineageEdge> lineage, SanctionedShare share,
                         List<EgressCount> egress, List<SourceCoverage> coverage) {
        long audited(Predicate<AuditRecord> test) {
            return audit.stream().filter(test).count();
        }

        long alertsFor(String control) {
            return alerts.stream().filter(a -> a.getControls().contains(control)).count();
        }

        long tools(Predicate<InventoryEntry> test) {
            return inventory.stream().filter(test).count();
        }
    }

    private static Map<String, Object> figures(EvidenceControl control, Facts f) {
        Map<String, Object> figures = new LinkedHashMap<>();
        switch (control) {
            case A_4_2 -> {
                figures.put("ai_tools_used", f.inventory().size());
                for (SanctionStatus status : SanctionStatus.values()) {
                    figures.put("tools_" + status.name().toLowerCase(), f.tools(e -> e.getSanction() == status));
                }
                figures.put("candidate_tools", f.tools(InventoryEntry::getCandidate));
                figures.put("new_tool_alerts", f.alerts().stream().filter(a -> a.getRuleId().equals(NewAiToolRule.ID)).count());
            }
            case A_4_3 -> {
                figures.put("audited_interactions_with_sensitive_data", f.audited(r -> !r.getDataClasses().isEmpty()));
                figures.put("data_classes_sent", f.egress().stream().map(e -> e.dataClass().name())
                        .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(";")));
                figures.put("lineage_edges", f.lineage().size());
                figures.put("tools_receiving_sensitive_data",
                        f.egress().stream().map(EgressCount::toolId).distinct().count());
            }
            case A_6_2_6 -> {
                figures.put("alerts", f.alerts().size());
                figures.put("open_alerts", f.openAlerts().size());
                figures.put("sources_expected", f.coverage().stream().filter(SourceCoverage::expected).count());
                figures.put("sources_reporting", f.coverage().stream().filter(SourceCoverage::reported).count());
                figures.put("sources_silent", f.coverage().stream().filter(c -> !c.reported()).count());
                figures.put("telemetry_gaps", f.coverage().stream().mapToLong(c -> c.gaps().size()).sum());
            }
            case A_6_2_8 -> {
                figures.put("audit_records", f.audit().size());
                figures.put("audit_records_with_hash", f.audited(r -> !r.getHash().isBlank()));
                figures.put("first_recorded_at", f.audit().stream().map(AuditRecord::getRecordedAt)
                        .min(Comparator.naturalOrder()).map(Instant::toString).orElse(""));
                figures.put("last_recorded_at", f.audit().stream().map(AuditRecord::getRecordedAt)
                        .max(Comparator.naturalOrder()).map(Instant::toString).orElse(""));
            }
            case A_7_5 -> {
                List<LineageEdge> assetEdges = f.lineage().stream()
                        .filter(e -> e.getSourceKind() == LineageSourceKind.ASSET).toList();
                figures.put("asset_to_tool_edges", assetEdges.size());
                figures.put("assets_sent_to_ai", assetEdges.stream().map(LineageEdge::getAssetId)
                        .filter(Objects::nonNull).distinct().count());
                figures.put("tools_receiving_assets", assetEdges.stream().map(LineageEdge::getToolId).distinct().count());
                figures.put("audited_interactions_naming_assets", f.audited(r -> !r.getAssets().isEmpty()));
            }
            case A_9_2 -> {
                figures.put("audited_interactions", f.audit().size());
                for (SanctionStatus status : SanctionStatus.values()) {
                    figures.put("interactions_" + status.name().toLowerCase(), f.audited(r -> r.getSanction() == status));
                }
                figures.put("blocked_interactions", f.audited(r -> r.getOutcome() == AuditOutcome.BLOCKED));
                figures.put("users_of_unsanctioned_tools", f.audit().stream()
                        .filter(r -> r.getSanction() == SanctionStatus.UNSANCTIONED && r.getUser() != null)
                        .map(AuditRecord::getUser).distinct().count());
                figures.put("alerts", f.alertsFor(control.id()));
            }
            case A_9_3 -> {
                figures.put("ai_events", f.share().aiEvents());
                figures.put("sanctioned_events", f.share().sanctionedEvents());
                figures.put("sanctioned_share", f.share().share().map(s -> (Object) s).orElse(""));
            }
            case A_9_4 -> {
                figures.put("sensitive_egress_interactions", f.egress().stream().mapToLong(EgressCount::interactions).sum());
                figures.put("alerted_interactions", f.audited(r -> r.getOutcome() == AuditOutcome.ALERTED));
                figures.put("approval_drift_alerts",
                        f.alerts().stream().filter(a -> a.getRuleId().equals(ApprovalDriftRule.ID)).count());
                figures.put("alerts", f.alertsFor(control.id()));
            }
            case A_10_2 -> {
                figures.put("sanctioned_tools", f.tools(e -> e.getSanction() == SanctionStatus.SANCTIONED));
                figures.put("sanctioned_tools_with_owner", f.tools(e -> e.getSanction() == SanctionStatus.SANCTIONED
                        && e.getOwner() != null && !e.getOwner().isBlank()));
            }
            case A_10_3 -> {
                figures.put("vendors_in_use", f.inventory().stream().map(InventoryEntry::getVendor)
                        .filter(Objects::nonNull).distinct().count());
                figures.put("high_risk_tools_in_use", f.tools(e -> e.getRiskScore() >= HIGH_RISK));
                figures.put("vendors_of_unsanctioned_tools", f.inventory().stream()
                        .filter(e -> e.getSanction() == SanctionStatus.UNSANCTIONED).map(InventoryEntry::getVendor)
                        .filter(Objects::nonNull).distinct().count());
                figures.put("alerts", f.alertsFor(control.id()));
            }
        }
        return figures;
    }

    /** Alerts come as NEW, UPDATED and CLOSED records: the latest per alert id, if the alert was active in the period. */
    static List<Alert> latestAlerts(List<Alert> records, EvidencePeriod period) {
        Map<String, Alert> latest = new HashMap<>();
        for (Alert alert : records) {
            latest.merge(alert.getAlertId(), alert, (a, b) -> b.getCreatedAt().isBefore(a.getCreatedAt()) ? a : b);
        }
        return latest.values().stream().filter(a -> period.overlaps(a.getFirstSeen(), a.getLastSeen()))
                .sorted(Comparator.comparing(Alert::getSeverity).reversed().thenComparing(Alert::getAlertId))
                .toList();
    }

    static List<EgressCount> egress(List<AuditRecord> audit) {
        Map<DataClass, Map<String, Long>> counts = new TreeMap<>();
        for (AuditRecord record : audit) {
            if (record.getOutcome() == AuditOutcome.BLOCKED || record.getDataClasses().isEmpty()) {
                continue;
            }
            for (DataClass dataClass : EnumSet.copyOf(record.getDataClasses())) {
                counts.computeIfAbsent(dataClass, c -> new TreeMap<>()).merge(record.getToolId(), 1L, Long::sum);
            }
        }
        List<EgressCount> rows = new ArrayList<>();
        counts.forEach((dataClass, byTool) -> byTool.forEach((tool, n) -> rows.add(new EgressCount(dataClass, tool, n))));
        rows.sort(Comparator.comparingLong(EgressCount::interactions).reversed()
                .thenComparing(EgressCount::dataClass).thenComparing(EgressCount::toolId));
        return rows;
    }

    /**
     * Which sources (input formats) produced evidence records in the period and where they fell silent for longer
     * than the threshold. Read from alerts and audit records: the live figure is the last-seen metric.
     */
    static List<SourceCoverage> coverage(EvidencePeriod period, List<Alert> alerts, List<AuditRecord> audit,
                                         Set<String> expected, Duration gapThreshold) {
        Map<String, List<Instant>> seen = new TreeMap<>();
        expected.forEach(source -> seen.put(source, new ArrayList<>()));
        for (AuditRecord record : audit) {
            seen.computeIfAbsent(record.getSource().getFormat(), s -> new ArrayList<>()).add(record.getEventTime());
        }
        for (Alert alert : alerts) {
            for (SourceCoordinates source : alert.getSources()) {
                if (period.contains(alert.getLastSeen())) {
                    seen.computeIfAbsent(source.getFormat(), s -> new ArrayList<>()).add(alert.getLastSeen());
                }
            }
        }
        List<SourceCoverage> coverage = new ArrayList<>();
        seen.forEach((source, times) -> {
            List<Instant> sorted = times.stream().sorted().toList();
            coverage.add(new SourceCoverage(source, expected.contains(source), sorted.size(),
                    sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(0)),
                    sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1)),
                    gaps(period, sorted, gapThreshold)));
        });
        return coverage;
    }

    private static List<Gap> gaps(EvidencePeriod period, List<Instant> sortedTimes, Duration threshold) {
        List<Gap> gaps = new ArrayList<>();
        Instant previous = period.from();
        for (Instant time : sortedTimes) {
            if (Duration.between(previous, time).compareTo(threshold) > 0) {
                gaps.add(new Gap(previous, time));
            }
            previous = time;
        }
        if (Duration.between(previous, period.to()).compareTo(threshold) > 0) {
            gaps.add(new Gap(previous, period.to()));
        }
        gaps.sort(Comparator.comparing(Gap::length).reversed().thenComparing(Gap::from));
        return gaps;
    }
}
