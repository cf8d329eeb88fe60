package dev.sightline.app.evidence;

import dev.sightline.model.Alert;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import java.util.List;
import java.util.Set;

/**
 * What an export reads: every alert and audit record of the topics, and the current value of each key of the
 * compacted inventory and lineage topics; plus the sources that are configured and so should report.
 */
public record EvidenceInput(List<Alert> alerts, List<AuditRecord> audit, List<InventoryEntry> inventory,
                            List<LineageEdge> lineage, Set<String> expectedSources) {
    public EvidenceInput {
        alerts = List.copyOf(alerts);
        audit = List.copyOf(audit);
        inventory = List.copyOf(inventory);
        lineage = List.copyOf(lineage);
        expectedSources = Set.copyOf(expectedSources);
    }
}
