package dev.sightline.pipeline.governance;

import dev.sightline.detect.Actor;
import dev.sightline.detect.AlertCandidate;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.AuditOutcome;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which AI interactions are audited and what their audit record says, before it is chained. Engine-free.
 *
 * <p>Audited: an event with an AI tool that carried sensitive or classified data (a finding, a data class, or an
 * asset the classification table knows) or that went to a tool in force as UNSANCTIONED or UNREVIEWED — blocked
 * attempts included, since an attempt to send data is itself evidence.
 *
 * <p>Outcome: BLOCKED when the proxy or service blocked it; ALERTED when one of the per-event rules (shadow AI,
 * sensitive egress, approval drift) decides it, under the policy in force and its suppressions, exactly as the detect
 * stage does (the same rule classes and alert ids); ALLOWED otherwise. Rules that need state across events
 * (blocked attempts, upload anomaly, new AI tool) decide later and on other partitions: an interaction that only
 * they alert on is recorded ALLOWED, and the alerts topic is the authority for those.
 */
final class AuditRecords {
    /** Every audit record is evidence for the event-log control. */
    static final String EVENT_LOG_CONTROL = "A.6.2.8";
    /** Data resources and their provenance: which data went to which third party. */
    static final List<String> DATA_CONTROLS = List.of("A.4.3", "A.7.5");
    /** Responsible use: an unsanctioned or unreviewed tool. */
    static final String RESPONSIBLE_USE_CONTROL = "A.9.2";

    private AuditRecords() {
    }

    /** Whether the event is audited, given the sanction of its tool in force. */
    static boolean auditable(AiUsageEvent event, SanctionStatus sanction) {
        return event.getTool() != null && (carriesData(event) || unapproved(sanction));
    }

    /**
     * The record without its chain fields (sequence 0, previousHash and hash ""), which {@link AuditChainProcessor}
     * sets.
     *
     * @param alerts the per-event rules' alert candidates for this event (empty when blocked or none)
     */
    static AuditRecord unchained(AiUsageEvent event, SanctionStatus sanction, List<AlertCandidate> alerts,
                                 Instant recordedAt) {
        ToolMatch tool = event.getTool();
        AuditOutcome outcome = event.getProxyAction() == ProxyAction.BLOCKED ? AuditOutcome.BLOCKED
                : alerts.isEmpty() ? AuditOutcome.ALLOWED : AuditOutcome.ALERTED;
        return AuditRecord.newBuilder()
                .setRecordId("audit:" + event.getEventId())
                .setSequence(0)
                .setEventId(event.getEventId())
                .setEventTime(event.getEventTime())
                .setRecordedAt(recordedAt)
                .setUser(Actor.user(event).orElse(null))
                .setDepartment(Actor.department(event).orElse(null))
                .setToolId(tool.getToolId())
                .setToolName(tool.getName())
                .setVendor(tool.getVendor())
                .setSanction(sanction)
                .setAccountType(event.getAccountType())
                .setDataClasses(dataClasses(event))
                .setAssets(event.getAssets())
                .setFindings(event.getFindings())
                .setOutcome(outcome)
                .setAlertIds(outcome == AuditOutcome.ALERTED
                        ? alerts.stream().map(a -> a.alert().getAlertId()).distinct().toList() : List.of())
                .setSource(event.getSource())
                .setControls(controls(event, sanction, outcome == AuditOutcome.ALERTED ? alerts : List.of()))
                .setPreviousHash("")
                .setHash("")
                .build();
    }

    /** A.6.2.8 first, then the others sorted, without repeats. */
    static List<String> controls(AiUsageEvent event, SanctionStatus sanction, List<AlertCandidate> alerts) {
        Set<String> others = new TreeSet<>();
        if (carriesData(event)) {
            others.addAll(DATA_CONTROLS);
        }
        if (unapproved(sanction)) {
            others.add(RESPONSIBLE_USE_CONTROL);
        }
        alerts.forEach(a -> others.addAll(a.alert().getControls()));
        others.remove(EVENT_LOG_CONTROL);
        List<String> controls = new ArrayList<>(others.size() + 1);
        controls.add(EVENT_LOG_CONTROL);
        controls.addAll(others);
        return controls;
    }

    /** Union of the event's classes and its assets' classes, in taxonomy order. */
    static List<DataClass> dataClasses(AiUsageEvent event) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        classes.addAll(event.getDataClasses());
        event.getFindings().forEach(f -> classes.add(f.getDataClass()));
        event.getAssets().forEach(a -> classes.addAll(a.getDataClasses()));
        return List.copyOf(classes);
    }

    private static boolean carriesData(AiUsageEvent event) {
        return !event.getDataClasses().isEmpty() || !event.getFindings().isEmpty()
                || event.getAssets().stream().anyMatch(AuditRecords::classified);
    }

    /** An asset the classification table matched, or one the source labelled. */
    private static boolean classified(AccessedAsset asset) {
        return asset.getAssetId() != null || asset.getSensitivityLabelId() != null || !asset.getLabels().isEmpty()
                || !asset.getDataClasses().isEmpty();
    }

    private static boolean unapproved(SanctionStatus sanction) {
        return sanction == SanctionStatus.UNSANCTIONED || sanction == SanctionStatus.UNREVIEWED;
    }
}
