package dev.sightline.pipeline.governance;

import dev.sightline.detect.ActivePolicy;
import dev.sightline.detect.Actor;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import dev.sightline.pipeline.metrics.GovernanceMetrics;
import dev.sightline.pipeline.reference.RuleReferences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The AI-system inventory (A.4.2, A.10.2): one {@link InventoryEntry} per tool id, from the events of that tool
 * (input keyed by tool id). Sanction status and owner are those in force at the tool's latest event: the policy's
 * decision when it names the tool, else the catalog match's; the owner is the first approval's owner, for a tool
 * that is SANCTIONED or TOLERATED only.
 */
final class InventoryProcessor extends ThrottledAggregateProcessor<AiUsageEvent, InventoryEntry> {
    /** Users remembered per tool for the exact distinct count (see BoundedMembers). */
    static final int USER_CAP = 100_000;
    static final int DEPARTMENT_CAP = 10_000;
    /** Departments listed in an entry, per InventoryEntry.avsc. */
    static final int DEPARTMENTS_LISTED = 50;
    static final String AGGREGATE = "inventory";

    private final RuleReferences references;
    private final GovernanceMetrics metrics;

    InventoryProcessor(StoreNames stores, RuleReferences references, Duration interval,
                       GovernanceMetrics metrics, Clock clock) {
        super(stores, interval, metrics::inventoryEntryWritten, clock);
        this.references = references;
        this.metrics = metrics;
    }

    @Override
    protected InventoryEntry merge(String toolId, InventoryEntry current, AiUsageEvent event, Instant now) {
        ToolMatch tool = event.getTool();
        ActivePolicy policy = references.policy();
        SanctionStatus sanction = policy.sanction(tool);
        Instant time = event.getEventTime();
        InventoryEntry entry = current != null ? InventoryEntry.newBuilder(current).build()
                : InventoryEntry.newBuilder().setToolId(toolId).setToolName(tool.getName()).setFirstSeen(time)
                .setLastSeen(time).setUpdatedAt(now).build();
        entry.setToolName(tool.getName());
        entry.setVendor(tool.getVendor());
        entry.setCategory(tool.getCategory());
        entry.setSanction(sanction);
        entry.setRiskScore(tool.getRiskScore());
        entry.setCandidate(tool.getCandidate());
        entry.setOwner(approved(sanction) ? owner(policy.approvals(tool, references.tool(toolId))) : null);
        entry.setFirstSeen(time.isBefore(entry.getFirstSeen()) ? time : entry.getFirstSeen());
        entry.setLastSeen(time.isAfter(entry.getLastSeen()) ? time : entry.getLastSeen());
        entry.setEventCount(entry.getEventCount() + 1);
        entry.setDataClasses(union(entry.getDataClasses(), AuditRecords.dataClasses(event)));
        Actor.user(event).ifPresent(user -> {
            if (count("user|" + toolId, user, entry.getDistinctUsers(), USER_CAP)) {
                entry.setDistinctUsers(entry.getDistinctUsers() + 1);
            }
        });
        Actor.department(event).ifPresent(department -> {
            if (count("department|" + toolId, department, entry.getDistinctDepartments(), DEPARTMENT_CAP)) {
                entry.setDistinctDepartments(entry.getDistinctDepartments() + 1);
                entry.setDepartments(withDepartment(entry.getDepartments(), department));
            }
        });
        return entry;
    }

    @Override
    protected boolean material(InventoryEntry before, InventoryEntry after) {
        return before.getSanction() != after.getSanction() || !Objects.equals(before.getOwner(), after.getOwner())
                || before.getRiskScore() != after.getRiskScore() || before.getCandidate() != after.getCandidate()
                || !before.getDataClasses().equals(after.getDataClasses())
                || !Objects.equals(before.getToolName(), after.getToolName())
                || !Objects.equals(before.getVendor(), after.getVendor());
    }

    @Override
    protected InventoryEntry stamped(InventoryEntry value, Instant updatedAt) {
        return InventoryEntry.newBuilder(value).setUpdatedAt(updatedAt).build();
    }

    private boolean count(String group, String member, long count, int cap) {
        BoundedMembers.Added added = members.add(group, member, count, cap);
        if (added == BoundedMembers.Added.CAPPED) {
            metrics.distinctCountCapped(AGGREGATE);
        }
        return added == BoundedMembers.Added.NEW;
    }

    private static boolean approved(SanctionStatus sanction) {
        return sanction == SanctionStatus.SANCTIONED || sanction == SanctionStatus.TOLERATED;
    }

    private static String owner(List<Approval> approvals) {
        return approvals.stream().map(Approval::getOwner).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** Sorted, in taxonomy order. */
    private static List<DataClass> union(List<DataClass> known, List<DataClass> added) {
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        classes.addAll(known);
        classes.addAll(added);
        return List.copyOf(classes);
    }

    /** Sorted, at most {@link #DEPARTMENTS_LISTED}: the smallest names stay listed. */
    private static List<String> withDepartment(List<String> departments, String department) {
        List<String> listed = new ArrayList<>(departments);
        int at = Collections.binarySearch(listed, department);
        if (at < 0) {
            listed.add(-at - 1, department);
        }
        return listed.size() > DEPARTMENTS_LISTED ? List.copyOf(listed.subList(0, DEPARTMENTS_LISTED)) : listed;
    }
}
