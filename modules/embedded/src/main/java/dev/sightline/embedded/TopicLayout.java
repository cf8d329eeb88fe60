package dev.sightline.embedded;

import java.util.Arrays;
import java.util.List;

import dev.sightline.model.Topic;

/**
 * How Sightline's topics ({@link Topic}) are laid out on one cluster: a name prefix, and the partition
 * count and replication factor every topic gets. One partition count for all topics keeps streams and the
 * tables they join co-partitioned.
 *
 * @param prefix            put in front of every contract name; empty for none
 * @param partitions        at least 1
 * @param replicationFactor at least 1
 */
public record TopicLayout(String prefix, int partitions, short replicationFactor) {

    public TopicLayout {
        prefix = prefix == null ? "" : prefix;
        TopicDefinition.requireLegalTopicChars(prefix, "topic prefix");
        // validates partitions, replication factor and name length once, here, rather than at provisioning
        for (Topic topic : Topic.values()) {
            definition(prefix, partitions, replicationFactor, topic);
        }
    }

    /** The full name of a topic on the cluster. */
    public String name(Topic topic) {
        return topic.name(prefix);
    }

    public TopicDefinition definition(Topic topic) {
        return definition(prefix, partitions, replicationFactor, topic);
    }

    /** Every Sightline topic, in {@link Topic} order; {@link Topic.Kind#TABLE} topics are compacted. */
    public List<TopicDefinition> definitions() {
        return Arrays.stream(Topic.values()).map(this::definition).toList();
    }

    private static TopicDefinition definition(String prefix, int partitions, short replicationFactor, Topic topic) {
        return new TopicDefinition(topic.name(prefix), partitions, replicationFactor, topic.compacted());
    }
}
