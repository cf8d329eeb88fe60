package dev.sightline.detect.policy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The names a policy document may use: detection rule ids and, per rule, the thresholds it reads. A threshold is
 * stored in {@code Policy.thresholds} under {@code <rule>.<name>} (e.g. {@code upload-anomaly.floor-bytes}) as a
 * double: counts and bytes as whole numbers; a duration under {@code <rule>.<name>.seconds} in seconds (e.g. YAML
 * {@code blocked-attempts: {window: 30m}} becomes {@code blocked-attempts.window.seconds = 1800}), the unit the rules
 * read.
 */
public final class PolicyVocabulary {
    public static final String SHADOW_AI = "shadow-ai";
    public static final String NEW_AI_TOOL = "new-ai-tool";
    public static final String SENSITIVE_EGRESS = "sensitive-egress";
    public static final String APPROVAL_DRIFT = "approval-drift";
    public static final String UPLOAD_ANOMALY = "upload-anomaly";
    public static final String BLOCKED_ATTEMPTS = "blocked-attempts";

    /** Every rule id, in the order of the issue. */
    public static final List<String> RULE_IDS = List.of(
            SHADOW_AI, NEW_AI_TOOL, SENSITIVE_EGRESS, APPROVAL_DRIFT, UPLOAD_ANOMALY, BLOCKED_ATTEMPTS);

    /** What a threshold value is, how it is written in YAML and which values are allowed. */
    public enum Kind {
        /** A whole number of at least 1. */
        COUNT("a whole number of at least 1"),
        /** A size: a whole number of bytes, or with a unit (KB, MB, GB, KiB, MiB, GiB). */
        BYTES("a size such as 10485760, 500KB or 10MiB"),
        /** A positive number. */
        NUMBER("a number above 0"),
        /** A probability-like value between 0 and 1. */
        RATIO("a number from 0 to 1"),
        /** A duration such as 90s, 15m, 1h, 7d or ISO-8601 PT1H; stored in seconds. */
        DURATION("a duration such as 90s, 15m, 1h, 7d or PT1H");

        private final String allowed;

        Kind(String allowed) {
            this.allowed = allowed;
        }

        public String allowed() {
            return allowed;
        }
    }

    public static final String WINDOW = "window";

    private static final Map<String, Map<String, Kind>> THRESHOLDS = thresholds();

    private PolicyVocabulary() {
    }

    /** The thresholds a rule reads, by name (without the rule prefix); empty for an unknown rule. */
    public static Map<String, Kind> thresholdsOf(String ruleId) {
        return THRESHOLDS.getOrDefault(ruleId, Map.of());
    }

    /** The key of a threshold in {@code Policy.thresholds}: {@code <rule>.<name>}, durations {@code <rule>.<name>.seconds}. */
    public static String thresholdKey(String ruleId, String name, Kind kind) {
        return ruleId + "." + name + (kind == Kind.DURATION ? ".seconds" : "");
    }

    private static Map<String, Map<String, Kind>> thresholds() {
        // every rule deduplicates and suppresses within its own window (Alerts section of the issue)
        Map<String, Map<String, Kind>> all = new TreeMap<>();
        all.put(SHADOW_AI, Map.of(WINDOW, Kind.DURATION));
        all.put(NEW_AI_TOOL, Map.of(WINDOW, Kind.DURATION));
        all.put(SENSITIVE_EGRESS, Map.of(WINDOW, Kind.DURATION, "min-confidence", Kind.RATIO));
        all.put(APPROVAL_DRIFT, Map.of(WINDOW, Kind.DURATION));
        all.put(UPLOAD_ANOMALY, Map.of(WINDOW, Kind.DURATION, "floor-bytes", Kind.BYTES, "z-score", Kind.NUMBER));
        all.put(BLOCKED_ATTEMPTS, Map.of(WINDOW, Kind.DURATION, "count", Kind.COUNT));
        return Map.copyOf(all);
    }
}
