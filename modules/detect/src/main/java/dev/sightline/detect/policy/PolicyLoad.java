package dev.sightline.detect.policy;

import dev.sightline.model.Policy;
import java.util.List;

/** The outcome of reading a policy document: the Avro {@link Policy} to publish, or every problem found. */
public sealed interface PolicyLoad {

    /** The document is valid; {@code policy} is ready for ref.policies. */
    record Loaded(Policy policy) implements PolicyLoad {
    }

    /** The document is refused as a whole; {@code problems} lists all of them. */
    record Rejected(List<PolicyProblem> problems) implements PolicyLoad {
        public Rejected {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejection names at least one problem");
            }
        }
    }
}
