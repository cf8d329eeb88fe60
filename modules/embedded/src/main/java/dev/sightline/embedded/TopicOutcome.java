package dev.sightline.embedded;

import java.util.List;

/** What provisioning found or did for one topic. */
public sealed interface TopicOutcome {

    TopicDefinition definition();

    default String name() {
        return definition().name();
    }

    /** The topic did not exist and was created as defined. */
    record Created(TopicDefinition definition) implements TopicOutcome {
    }

    /** The topic already existed with the defined partition count and cleanup policy. */
    record Existing(TopicDefinition definition) implements TopicOutcome {
    }

    /**
     * The topic already existed but differs from its definition; it was left unchanged.
     *
     * @param differences one line each, e.g. {@code partitions: wanted 6, found 3}
     */
    record Mismatched(TopicDefinition definition, List<String> differences) implements TopicOutcome {
        public Mismatched {
            differences = List.copyOf(differences);
        }
    }
}
