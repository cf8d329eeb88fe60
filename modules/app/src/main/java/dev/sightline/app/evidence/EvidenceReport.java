package dev.sightline.app.evidence;

import dev.sightline.model.Alert;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence of one period, computed from the records by {@link EvidenceReports#build}: per control the figures,
 * alerts and audit records, and the views the summary page shows.
 *
 * @param alerts   the latest record of each alert active in the period
 * @param audit    the audit records whose event time is in the period
 * @param coverage one row per source that reported or should have
 */
public record EvidenceReport(EvidencePeriod period, Instant generatedAt, List<ControlEvidence> controls,
                             List<InventoryEntry> inventory, SanctionedShare sanctionedShare, List<EgressCount> egress,
                             List<Alert> alerts, List<Alert> openAlerts, List<AuditRecord> audit,
                             List<LineageEdge> lineage, List<SourceCoverage> coverage, Duration gapThreshold) {

    /** The evidence for one control: every control has an entry. */
    public ControlEvidence control(EvidenceControl control) {
        return controls.stream().filter(c -> c.control() == control).findFirst()
                .orElseThrow(() -> new IllegalStateException("no evidence for " + control.id() + " in the report"));
    }

    /** What the export holds for one control. Figures are insertion-ordered: name -> number or text. */
    public record ControlEvidence(EvidenceControl control, Map<String, Object> figures, List<Alert> alerts,
                                  List<AuditRecord> audit) {
    }

    /**
     * AI events to sanctioned tools among all AI events, from the inventory's per-tool event counts of the tools used
     * in the period (cumulative counts: the inventory keeps totals, not per-period figures).
     */
    public record SanctionedShare(long sanctionedEvents, long aiEvents) {
        public Optional<Double> share() {
            return aiEvents == 0 ? Optional.empty() : Optional.of((double) sanctionedEvents / aiEvents);
        }
    }

    /** Audited interactions that sent a data class to a tool and were not blocked. */
    public record EgressCount(DataClass dataClass, String toolId, long interactions) {
    }

    /**
     * @param expected whether the configuration names the source (it should report)
     * @param gaps     silences longer than the report's gap threshold, longest first
     */
    public record SourceCoverage(String source, boolean expected, long records, Optional<Instant> firstSeen,
                                 Optional<Instant> lastSeen, List<Gap> gaps) {
        public boolean reported() {
            return records > 0;
        }
    }

    public record Gap(Instant from, Instant to) {
        public Duration length() {
            return Duration.between(from, to);
        }
    }
}
