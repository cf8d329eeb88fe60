package dev.sightline.pipeline.normalize;

import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DeadLetter;

/** What the parse step hands on: an event for events.ai-usage or a dead letter for errors.dead-letter. */
sealed interface Normalized {

    record Event(AiUsageEvent event) implements Normalized {
    }

    record DeadLettered(DeadLetter deadLetter) implements Normalized {
    }
}
