package dev.sightline.detect;

import dev.sightline.model.AiTool;
import dev.sightline.model.Approval;
import dev.sightline.model.Policy;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.Suppression;
import dev.sightline.model.ToolMatch;
import dev.sightline.model.ToolRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The policy in force (ref.policies), or none, as the rules ask about it. Without a policy every tool keeps the
 * sanction its catalog match carries and approvals come from the catalog entry. A policy that names a tool decides
 * its status and approvals; tools it does not name keep the sanction of their catalog match.
 *
 * <p>Defensive reading: the importer validates policies, but a value out of range here (a threshold that is not a
 * positive number, a severity outside 1..5, a window outside (0, {@link #MAX_WINDOW}]) falls back to the rule's own
 * default rather than stopping detection.
 */
public final class ActivePolicy {
    /** Longest dedup/suppression window a policy may set; state retention is sized from it. */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    private static final ActivePolicy NONE = new ActivePolicy(null);

    private final Policy policy;
    private final Map<String, ToolRule> toolRules;

    private ActivePolicy(Policy policy) {
        this.policy = policy;
        this.toolRules = policy == null ? Map.of() : policy.getToolRules().stream()
                .collect(Collectors.toUnmodifiableMap(ToolRule::getToolId, Function.identity(), (first, later) -> first));
    }

    public static ActivePolicy none() {
        return NONE;
    }

    /** @param policy the policy value read from ref.policies; null = no policy */
    public static ActivePolicy of(Policy policy) {
        return policy == null ? NONE : new ActivePolicy(policy);
    }

    public Optional<Integer> version() {
        return policy == null ? Optional.empty() : Optional.of(policy.getVersion());
    }

    /** When this policy version was imported, i.e. when the approvals it holds were (re)granted. */
    public Optional<Instant> importedAt() {
        return policy == null ? Optional.empty() : Optional.ofNullable(policy.getImportedAt());
    }

    public SanctionStatus sanction(ToolMatch tool) {
        ToolRule rule = toolRules.get(tool.getToolId());
        return rule != null ? rule.getStatus() : tool.getSanction();
    }

    /** True when the policy itself decides the tool (rather than the catalog match). */
    public boolean names(String toolId) {
        return toolRules.containsKey(toolId);
    }

    public List<Approval> approvals(ToolMatch tool, Optional<AiTool> catalogEntry) {
        ToolRule rule = toolRules.get(tool.getToolId());
        if (rule != null) {
            return rule.getApprovals();
        }
        return catalogEntry.map(AiTool::getApprovals).orElse(List.of());
    }

    public double threshold(String name, double defaultValue) {
        Double value = policy == null ? null : policy.getThresholds().get(name);
        return value != null && Double.isFinite(value) && value > 0 ? value : defaultValue;
    }

    /** Severity after overrides: the tool's override wins over the rule's, which wins over the rule's own severity. */
    public int severity(String ruleId, String toolId, int ruleSeverity) {
        ToolRule rule = toolId == null ? null : toolRules.get(toolId);
        if (rule != null && rule.getSeverityOverride() != null && Severity.isValid(rule.getSeverityOverride())) {
            return rule.getSeverityOverride();
        }
        Integer byRule = policy == null ? null : policy.getSeverityOverrides().get(ruleId);
        return byRule != null && Severity.isValid(byRule) ? byRule : ruleSeverity;
    }

    /**
     * The dedup window for a rule, user and tool: the first matching suppression with a repeat window
     * ({@code windowMs > 0}) that has not ended, else the rule's default.
     */
    public Duration window(String ruleId, String toolId, String user, Instant at, Duration ruleDefault) {
        return suppressions(ruleId, toolId, user, at)
                .filter(s -> s.getWindowMs() > 0 && s.getWindowMs() <= MAX_WINDOW.toMillis())
                .map(s -> Duration.ofMillis(s.getWindowMs()))
                .findFirst().orElse(ruleDefault);
    }

    /** True when a suppression without a repeat window ({@code windowMs = 0}) mutes the alert at this time. */
    public boolean muted(String ruleId, String toolId, String user, Instant at) {
        return suppressions(ruleId, toolId, user, at).anyMatch(s -> s.getWindowMs() == 0);
    }

    private Stream<Suppression> suppressions(String ruleId, String toolId, String user, Instant at) {
        if (policy == null) {
            return Stream.empty();
        }
        return policy.getSuppressions().stream()
                .filter(s -> s.getRuleId().equals(ruleId))
                .filter(s -> s.getToolId() == null || s.getToolId().equals(toolId))
                .filter(s -> s.getUser() == null || s.getUser().equals(user))
                .filter(s -> s.getUntil() == null || at.isBefore(s.getUntil()));
    }

    @Override
    public String toString() {
        return policy == null ? "ActivePolicy[none]"
                : "ActivePolicy[" + policy.getId() + " v" + policy.getVersion() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivePolicy that && Objects.equals(policy, that.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(policy);
    }
}
