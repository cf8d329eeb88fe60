package dev.sightline.app.evidence;

import dev.sightline.app.evidence.EvidenceReport.EgressCount;
import dev.sightline.app.evidence.EvidenceReport.SourceCoverage;
import dev.sightline.model.Alert;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.Finding;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.model.SourceCoordinates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A flat table: the one shape written as JSON (an array of objects) and CSV (a header and rows), so that both
 * files of an export always hold the same columns. Cells are strings, numbers or null; lists are joined with
 * {@code ;}. Findings appear by type only: never a value (privacy invariant), not even the masked preview.
 */
public record EvidenceTable(List<String> columns, List<List<Object>> rows) {
    public EvidenceTable {
        columns = List.copyOf(columns);
        List<List<Object>> checked = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row of " + row.size() + " cells for " + columns.size() + " columns");
            }
            checked.add(Collections.unmodifiableList(new ArrayList<>(row))); // cells may be null
        }
        rows = Collections.unmodifiableList(checked);
    }

    /** The rows as column -> cell maps, in column order. */
    public List<Map<String, Object>> objects() {
        return rows.stream().map(row -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            return object;
        }).toList();
    }

    public static EvidenceTable alerts(List<Alert> alerts) {
        return of(alerts, List.of("alert_id", "rule", "severity", "risk_score", "status", "title", "user", "department",
                "tool_id", "tool_name", "vendor", "account_type", "data_classes", "assets", "finding_types",
                "event_count", "first_seen", "last_seen", "created_at", "sources", "controls", "recommended_action"),
                a -> cells(a.getAlertId(), a.getRuleId(), a.getSeverity(), a.getRiskScore(), a.getStatus(),
                        a.getTitle(), a.getUser(), a.getDepartment(), a.getToolId(), a.getToolName(), a.getVendor(),
                        a.getAccountType(), joined(a.getDataClasses()), joined(a.getAssets()),
                        findingTypes(a.getFindings()), a.getEventCount(), a.getFirstSeen(), a.getLastSeen(),
                        a.getCreatedAt(), sources(a.getSources()), joined(a.getControls()), a.getRecommendedAction()));
    }

    public static EvidenceTable audit(List<AuditRecord> audit) {
        return of(audit, List.of("record_id", "sequence", "event_id", "event_time", "recorded_at", "user", "department",
                "tool_id", "tool_name", "vendor", "sanction", "account_type", "data_classes", "assets", "finding_types",
                "outcome", "alert_ids", "source", "controls", "previous_hash", "hash"),
                r -> cells(r.getRecordId(), r.getSequence(), r.getEventId(), r.getEventTime(), r.getRecordedAt(),
                        r.getUser(), r.getDepartment(), r.getToolId(), r.getToolName(), r.getVendor(), r.getSanction(),
                        r.getAccountType(), joined(r.getDataClasses()),
                        r.getAssets().stream().map(a -> a.getAssetId() != null ? a.getAssetId() : a.getId())
                                .collect(Collectors.joining(";")),
                        findingTypes(r.getFindings()), r.getOutcome(), joined(r.getAlertIds()),
                        sources(List.of(r.getSource())), joined(r.getControls()), r.getPreviousHash(), r.getHash()));
    }

    public static EvidenceTable inventory(List<InventoryEntry> inventory) {
        return of(inventory, List.of("tool_id", "tool_name", "vendor", "category", "sanction", "risk_score", "owner",
                "candidate", "first_seen", "last_seen", "event_count", "distinct_users", "distinct_departments",
                "data_classes"),
                e -> cells(e.getToolId(), e.getToolName(), e.getVendor(), e.getCategory(), e.getSanction(),
                        e.getRiskScore(), e.getOwner(), e.getCandidate(), e.getFirstSeen(), e.getLastSeen(),
                        e.getEventCount(), e.getDistinctUsers(), e.getDistinctDepartments(), joined(e.getDataClasses())));
    }

    /** Lineage edges without their user lists: the audit records say who, the edge says how much. */
    public static EvidenceTable lineage(List<LineageEdge> lineage) {
        return of(lineage, List.of("edge_id", "source_kind", "asset_id", "asset_name", "data_class", "tool_id",
                "tool_name", "event_count", "distinct_users", "first_seen", "last_seen"),
                e -> cells(e.getEdgeId(), e.getSourceKind(), e.getAssetId(), e.getAssetName(), e.getDataClass(),
                        e.getToolId(), e.getToolName(), e.getEventCount(), e.getDistinctUsers(), e.getFirstSeen(),
                        e.getLastSeen()));
    }

    public static EvidenceTable egress(List<EgressCount> egress) {
        return of(egress, List.of("data_class", "tool_id", "interactions"),
                e -> cells(e.dataClass(), e.toolId(), e.interactions()));
    }

    public static EvidenceTable coverage(List<SourceCoverage> coverage) {
        return of(coverage, List.of("source", "expected", "records", "first_seen", "last_seen", "gaps",
                "longest_gap_seconds"),
                c -> cells(c.source(), c.expected(), c.records(), c.firstSeen().orElse(null), c.lastSeen().orElse(null),
                        c.gaps().size(), c.gaps().isEmpty() ? null : c.gaps().get(0).length().toSeconds()));
    }

    public static EvidenceTable figures(Map<String, Object> figures) {
        return of(List.copyOf(figures.entrySet()), List.of("figure", "value"), e -> cells(e.getKey(), e.getValue()));
    }

    private static <T> EvidenceTable of(List<T> items, List<String> columns, Function<T, List<Object>> row) {
        return new EvidenceTable(columns, items.stream().map(row).toList());
    }

    /** Cells as written: enums by name, instants in ISO-8601, numbers and booleans as they are. */
    private static List<Object> cells(Object... values) {
        List<Object> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value instanceof Enum<?> || value instanceof Instant || value instanceof CharSequence
                    ? value.toString() : value);
        }
        return cells;
    }

    private static String joined(Collection<?> values) {
        return values.stream().map(Objects::toString).collect(Collectors.joining(";"));
    }

    private static String findingTypes(List<Finding> findings) {
        return findings.stream().map(Finding::getType).distinct().sorted().collect(Collectors.joining(";"));
    }

    private static String sources(List<SourceCoordinates> sources) {
        return sources.stream().map(s -> s.getFormat() + (s.getTopic() == null ? "" : "@" + s.getTopic() + "/"
                + s.getPartition() + "/" + s.getOffset())).collect(Collectors.joining(";"));
    }
}
