package dev.sightline.detect;

import dev.sightline.model.AiUsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a set of rules over one event and builds the alert candidates, leaving out what the policy mutes.
 * A rule that fails on an event is reported, not thrown: one defective rule must not stop the others.
 */
public final class Detector {

    /** @param failedRules ids of the rules that threw on this event (their exception types are logged by the caller) */
    public record Result(List<AlertCandidate> candidates, List<RuleFailure> failedRules) {
    }

    public record RuleFailure(String ruleId, String exceptionType) {
    }

    private final List<DetectionRule> rules;

    public Detector(List<DetectionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<DetectionRule> rules() {
        return rules;
    }

    public Result detect(AiUsageEvent event, DetectionContext context, Instant now) {
        Objects.requireNonNull(event, "event");
        List<AlertCandidate> candidates = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        for (DetectionRule rule : rules) {
            try {
                for (Detection detection : rule.evaluate(event, context)) {
                    String toolId = event.getTool() == null ? null : event.getTool().getToolId();
                    String user = Actor.user(event).orElse(null);
                    if (context.policy().muted(rule.id(), toolId, user, event.getEventTime())) {
                        continue;
                    }
                    Duration window = context.policy().window(rule.id(), toolId, user, event.getEventTime(),
                            detection.window());
                    candidates.add(AlertFactory.build(detection, event, context, window, now));
                }
            } catch (RuntimeException defect) {
                failures.add(new RuleFailure(rule.id(), defect.getClass().getName()));
            }
        }
        return new Result(List.copyOf(candidates), List.copyOf(failures));
    }
}
