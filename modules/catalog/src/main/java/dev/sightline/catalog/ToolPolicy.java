package dev.sightline.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** The organisation's policy for one tool: sanction status, owner and approvals. */
public record ToolPolicy(String tool, Sanction sanction, String owner, List<Approval> approvals) {

    public ToolPolicy {
        if (tool == null || tool.isBlank()) {
            throw new InvalidEntryException("tool", "missing required field");
        }
        if (sanction == null) {
            throw new InvalidEntryException("sanction", "missing required field");
        }
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    public static ToolPolicy unreviewed(String toolId) {
        return new ToolPolicy(toolId, Sanction.UNREVIEWED, null, List.of());
    }

    /** Whether any approval permits this use on {@code day}. */
    public boolean permits(String department, Collection<String> userGroups, Collection<DataClass> sent,
            AccountType account, LocalDate day) {
        return approvals.stream().anyMatch(a -> a.permits(department, userGroups, sent, account, day));
    }
}
