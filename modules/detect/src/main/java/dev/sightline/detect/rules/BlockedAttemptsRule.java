package dev.sightline.detect.rules;

import dev.sightline.detect.Actor;
import dev.sightline.detect.Detection;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.RuleIdentity;
import dev.sightline.detect.DetectionWindow;
import dev.sightline.detect.Severity;
import dev.sightline.detect.state.WindowCounter;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocked attempts: a user keeps trying an AI tool the proxy blocks — an intent signal. Counts blocked requests per
 * user and tool in tumbling windows (policy threshold {@value #WINDOW_THRESHOLD}, default 10 min, at most
 * {@link #MAX_COUNT_WINDOW}); from {@value #COUNT_THRESHOLD} (default 5) attempts in a window it raises one alert per
 * user and tool per hour, updated as attempts go on. Severity 2, 3 for an unsanctioned tool.
 */
public final class BlockedAttemptsRule implements DetectionRule {
    public static final String ID = "blocked-attempts";
    public static final int VERSION = 1;
    public static final List<String> CONTROLS = List.of("A.9.2", "A.3.3");
    public static final RuleIdentity IDENTITY = new RuleIdentity(ID, VERSION, CONTROLS);
    public static final String COUNT_THRESHOLD = "blocked-attempts.count";
    public static final String WINDOW_THRESHOLD = "blocked-attempts.window.seconds";
    public static final double DEFAULT_COUNT = 5;
    public static final Duration DEFAULT_COUNT_WINDOW = Duration.ofMinutes(10);
    /** Longest counting window a policy may set; the counter store's retention is sized from it. */
    public static final Duration MAX_COUNT_WINDOW = Duration.ofDays(1);
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final WindowCounter counter;

    public BlockedAttemptsRule(WindowCounter counter) {
        this.counter = counter;
    }

    @Override
    public RuleIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Detection> evaluate(AiUsageEvent event, DetectionContext context) {
        ToolMatch tool = event.getTool();
        if (tool == null || event.getProxyAction() != ProxyAction.BLOCKED) {
            return List.of();
        }
        Duration countWindow = Duration.ofSeconds((long) context.policy()
                .threshold(WINDOW_THRESHOLD, DEFAULT_COUNT_WINDOW.toSeconds()));
        if (countWindow.compareTo(MAX_COUNT_WINDOW) > 0 || countWindow.isZero()) {
            countWindow = DEFAULT_COUNT_WINDOW;
        }
        long threshold = (long) Math.ceil(context.policy().threshold(COUNT_THRESHOLD, DEFAULT_COUNT));
        String actor = Actor.key(event);
        String key = actor + '|' + tool.getToolId();
        var windowStart = DetectionWindow.start(event.getEventTime(), countWindow);
        long attempts = counter.get(key, windowStart) + 1;
        counter.put(key, windowStart, attempts);
        if (attempts < threshold) {
            return List.of();
        }
        boolean unsanctioned = context.policy().sanction(tool) == SanctionStatus.UNSANCTIONED;
        String description = actor + " made " + attempts + " requests to " + tool.getName() + " within "
                + countWindow.toMinutes() + " min that the proxy blocked (threshold " + threshold
                + "): repeated attempts show intent to use the tool despite the block.";
        return List.of(new Detection(this, actor, tool.getToolId(), "Repeated blocked attempts to use " + tool.getName(),
                description, unsanctioned ? Severity.MEDIUM : Severity.LOW, 0.8, Set.of(), List.of(), DEFAULT_WINDOW,
                Map.of("attempts", Long.toString(attempts), "threshold", Long.toString(threshold),
                        "countWindowSeconds", Long.toString(countWindow.toSeconds())),
                "Talk to the user about the need behind the attempts; offer a sanctioned tool or review this one."));
    }
}
