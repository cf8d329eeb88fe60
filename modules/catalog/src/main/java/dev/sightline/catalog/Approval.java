package dev.sightline.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One approval for a tool: who may use it (departments and groups; both empty means everyone), which data classes may
 * be sent to it, with which kind of account, until when (inclusive; none means no expiry).
 */
public record Approval(
        List<String> departments,
        List<String> groups,
        Set<DataClass> dataClasses,
        AccountType accountType,
        LocalDate expires) {

    public Approval {
        departments = departments == null ? List.of() : List.copyOf(departments);
        groups = groups == null ? List.of() : List.copyOf(groups);
        dataClasses = dataClasses == null ? Set.of() : Set.copyOf(dataClasses);
        accountType = accountType == null ? AccountType.CORPORATE : accountType;
    }

    public boolean expiredOn(LocalDate day) {
        return expires != null && day.isAfter(expires);
    }

    /** Whether a user of {@code department} in {@code userGroups} falls within this approval's scope. */
    public boolean coversUser(String department, Collection<String> userGroups) {
        if (departments.isEmpty() && groups.isEmpty()) {
            return true;
        }
        return department != null && departments.stream().anyMatch(department::equalsIgnoreCase)
                || userGroups.stream().anyMatch(g -> groups.stream().anyMatch(g::equalsIgnoreCase));
    }

    /** Whether this approval permits the use described, on {@code day}. No data class means none is sensitive. */
    public boolean permits(String department, Collection<String> userGroups, Collection<DataClass> sent,
            AccountType account, LocalDate day) {
        return !expiredOn(day) && accountType.covers(account) && coversUser(department, userGroups)
                && dataClasses.containsAll(sent);
    }
}
