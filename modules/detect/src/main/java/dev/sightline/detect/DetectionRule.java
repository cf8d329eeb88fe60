package dev.sightline.detect;

import dev.sightline.model.AiUsageEvent;
import java.util.List;

/**
 * A named, versioned detection rule. A rule only looks at one enriched event, the reference data in the
 * {@link DetectionContext} and the state it was constructed with; it knows nothing of the stream engine.
 */
public interface DetectionRule {

    RuleIdentity identity();

    default String id() {
        return identity().id();
    }

    default int version() {
        return identity().version();
    }

    default List<String> controls() {
        return identity().controls();
    }

    /** The detections this event raises; empty when it raises none. */
    List<Detection> evaluate(AiUsageEvent event, DetectionContext context);
}
