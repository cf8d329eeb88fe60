package dev.sightline.embedded;

import java.util.List;
import java.util.stream.Collectors;

/** The outcome of provisioning, one entry per requested topic, in request order. */
public record ProvisionReport(List<TopicOutcome> outcomes) {

    public ProvisionReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Names of the topics this run created. */
    public List<String> created() {
        return namesOf(TopicOutcome.Created.class);
    }

    /** Names of the topics that already existed as defined. */
    public List<String> existing() {
        return namesOf(TopicOutcome.Existing.class);
    }

    public List<TopicOutcome.Mismatched> mismatched() {
        return outcomes.stream()
                .filter(TopicOutcome.Mismatched.class::isInstance)
                .map(TopicOutcome.Mismatched.class::cast)
                .toList();
    }

    /** True when every topic now exists as defined. */
    public boolean consistent() {
        return mismatched().isEmpty();
    }

    /**
     * Returns this report if every topic exists as defined.
     *
     * @throws TopicProvisioningException naming each mismatched topic and how it differs
     */
    public ProvisionReport requireConsistent() {
        if (consistent()) {
            return this;
        }
        String details = mismatched().stream()
                .map(m -> m.name() + " (" + String.join("; ", m.differences()) + ")")
                .collect(Collectors.joining(", "));
        throw new TopicProvisioningException("Existing topics differ from their definition: " + details);
    }

    private List<String> namesOf(Class<? extends TopicOutcome> type) {
        return outcomes.stream().filter(type::isInstance).map(TopicOutcome::name).toList();
    }
}
