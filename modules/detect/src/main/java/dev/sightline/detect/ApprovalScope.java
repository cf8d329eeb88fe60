package dev.sightline.detect;

import dev.sightline.model.AccountType;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Approval;
import dev.sightline.model.DataClass;
import dev.sightline.model.UserContext;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an event falls within an approval's scope (Approval.avsc): departments (empty = every department),
 * groups (empty = no restriction), account types, expiry, and the data classes the tool may receive (empty = none).
 * An UNKNOWN account type is not held against the user: most proxy logs cannot tell, and flagging every such event
 * would drown the real drift (a PERSONAL account) in noise.
 */
public final class ApprovalScope {

    /** Ways an event can fall outside an approval. */
    public enum Gap {
        DEPARTMENT("department not in the approval's scope"),
        GROUP("user in none of the approval's groups"),
        ACCOUNT_TYPE("account type not allowed (personal account)"),
        EXPIRED("approval expired"),
        DATA_CLASS("data class not approved");

        private final String reason;

        Gap(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The approval closest to covering the event and what it lacks; no gaps = the event is within it. */
    public record Fit(Approval approval, Set<Gap> gaps) {
        public Fit {
            gaps = gaps.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(gaps));
        }
    }

    private ApprovalScope() {
    }

    /** The best-fitting approval for the event (fewest gaps, first in order on a tie); empty when there are none. */
    public static Optional<Fit> bestFit(List<Approval> approvals, AiUsageEvent event, Instant at) {
        return approvals.stream()
                .map(approval -> {
                    EnumSet<Gap> gaps = scopeGaps(approval, event, at);
                    if (!approval.getDataClasses().containsAll(event.getDataClasses())) {
                        gaps.add(Gap.DATA_CLASS);
                    }
                    return new Fit(approval, gaps);
                })
                .min(Comparator.comparingInt(fit -> fit.gaps().size()));
    }

    /** Data classes the tool may receive from this user now: those of every approval whose scope covers the event. */
    public static Set<DataClass> allowedDataClasses(List<Approval> approvals, AiUsageEvent event, Instant at) {
        EnumSet<DataClass> allowed = EnumSet.noneOf(DataClass.class);
        approvals.stream().filter(approval -> scopeGaps(approval, event, at).isEmpty())
                .forEach(approval -> allowed.addAll(approval.getDataClasses()));
        return allowed;
    }

    /** Gaps of scope (who, how, when), data classes aside. */
    static EnumSet<Gap> scopeGaps(Approval approval, AiUsageEvent event, Instant at) {
        EnumSet<Gap> gaps = EnumSet.noneOf(Gap.class);
        UserContext identity = event.getIdentity();
        if (!approval.getDepartments().isEmpty()
                && (identity == null || !approval.getDepartments().contains(identity.getDepartment()))) {
            gaps.add(Gap.DEPARTMENT);
        }
        if (!approval.getGroups().isEmpty() && (identity == null || disjoint(approval.getGroups(), identity.getGroups()))) {
            gaps.add(Gap.GROUP);
        }
        if (event.getAccountType() != AccountType.UNKNOWN && !approval.getAccountTypes().contains(event.getAccountType())) {
            gaps.add(Gap.ACCOUNT_TYPE);
        }
        if (approval.getExpiresAt() != null && !at.isBefore(approval.getExpiresAt())) {
            gaps.add(Gap.EXPIRED);
        }
        return gaps;
    }

    private static boolean disjoint(Collection<String> wanted, Collection<String> held) {
        return wanted.stream().noneMatch(held::contains);
    }
}
