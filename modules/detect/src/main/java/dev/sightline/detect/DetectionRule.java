package dev.sightline.detect;

import dev.sightline.model.AiUsageEvent;
import java.util.List;

/**
 * A named, versioned detection rule. A rule only looks at one enriched event, the reference data in the
 * {@link DetectionContext} and the state it was constructed with; it knows nothing of the stream engine.
 * Bump {@link #version()} whenever the rule's logic changes what it reports, so alerts name the logic that raised them.
 */
public interface DetectionRule {

    /** Stable kebab-case id, e.g. {@code shadow-ai}; part of every alert id. */
    String id();

    int version();

    /** ISO/IEC 42001 Annex A controls the rule's alerts are evidence for (ISO42001.md). */
    List<String> controls();

    /** The detections this event raises; empty when it raises none. */
    List<Detection> evaluate(AiUsageEvent event, DetectionContext context);
}
