package dev.sightline.detect;

import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one rule concluded about one event, before scoring and deduplication. {@code subject} and {@code toolKey}
 * with the rule and the window make the alert id: repeats inside the window update one alert.
 *
 * @param subject          whom the alert is about: the actor key ({@link Actor#key}) or {@link #ORGANISATION}
 * @param toolKey          tool id, or {@code -} when not about one tool
 * @param severity         1..5, before policy overrides
 * @param confidence       0..1
 * @param window           dedup/suppression window the alert id is aligned to
 * @param attributes       rule-specific details (threshold, observed value), never sensitive values
 */
public record Detection(DetectionRule rule, String subject, String toolKey, String title, String description,
                        int severity, double confidence, Set<DataClass> dataClasses, List<Finding> findings,
                        Duration window, Map<String, String> attributes, String recommendedAction) {

    /** Subject of alerts about the organisation as a whole (e.g. the first use of a tool). */
    public static final String ORGANISATION = "org";
    public static final String NO_TOOL = "-";

    public Detection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(toolKey, "toolKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recommendedAction, "recommendedAction");
        severity = Severity.clamp(severity);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        dataClasses = Set.copyOf(dataClasses);
        findings = List.copyOf(findings);
        attributes = Map.copyOf(attributes);
    }
}
