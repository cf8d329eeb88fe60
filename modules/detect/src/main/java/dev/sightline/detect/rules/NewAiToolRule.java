package dev.sightline.detect.rules;

import dev.sightline.detect.Actor;
import dev.sightline.detect.Detection;
import dev.sightline.detect.DetectionContext;
import dev.sightline.detect.DetectionRule;
import dev.sightline.detect.RuleIdentity;
import dev.sightline.detect.Severity;
import dev.sightline.detect.state.SeenTools;
import dev.sightline.detect.state.ToolSighting;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * New AI tool: the first use of a tool anywhere in the organisation (an inventory change, severity 2), and every use
 * of a candidate AI service — an uncatalogued host recognised by its AI API signature (severity 3, until it is
 * catalogued). The memory of seen tools must be organisation-wide: the topology feeds this rule with events keyed by
 * tool id. An event older than a tool's first sighting (arriving late) moves the first sighting back without a
 * second alert. Blocked requests are not use.
 */
public final class NewAiToolRule implements DetectionRule {
    public static final String ID = "new-ai-tool";
    public static final int VERSION = 1;
    public static final List<String> CONTROLS = List.of("A.4.2", "A.6.2.6");
    public static final RuleIdentity IDENTITY = new RuleIdentity(ID, VERSION, CONTROLS);
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final SeenTools seen;

    public NewAiToolRule(SeenTools seen) {
        this.seen = seen;
    }

    @Override
    public RuleIdentity identity() {
        return IDENTITY;
    }

    @Override
    public List<Detection> evaluate(AiUsageEvent event, DetectionContext context) {
        ToolMatch tool = event.getTool();
        if (tool == null || event.getProxyAction() == ProxyAction.BLOCKED) {
            return List.of();
        }
        Optional<ToolSighting> before = seen.get(tool.getToolId());
        seen.put(tool.getToolId(), before.map(s -> s.seenAt(event.getEventTime()))
                .orElseGet(() -> new ToolSighting(event.getEventTime(), event.getEventTime())));
        boolean firstUse = before.isEmpty();
        if (!firstUse && !tool.getCandidate()) {
            return List.of();
        }
        String actor = Actor.key(event);
        String host = event.getHost() == null ? "an unknown host" : event.getHost();
        if (tool.getCandidate()) {
            return List.of(new Detection(this, Detection.ORGANISATION, tool.getToolId(),
                    "Candidate AI service in use: " + host,
                    "Traffic to " + host + ", which the catalog does not list, carries the API signature of an AI"
                            + " service" + (firstUse ? "; first seen now, used by " + actor : "") + ".",
                    Severity.MEDIUM, 0.6, Set.of(), List.of(), DEFAULT_WINDOW,
                    Map.of("host", host, "firstUse", Boolean.toString(firstUse)),
                    "Identify the service, add it to the catalog with its vendor risk and decide on it in the policy."));
        }
        return List.of(new Detection(this, Detection.ORGANISATION, tool.getToolId(),
                "First use of " + tool.getName() + " in the organisation",
                actor + " is the first user of " + tool.getName() + " seen in the organisation; it enters the AI"
                        + " inventory.",
                Severity.LOW, 0.9, Set.of(), List.of(), DEFAULT_WINDOW, Map.of("firstUser", actor),
                "Check the tool has an owner and a policy decision; review its vendor terms if it is unreviewed."));
    }
}
