package dev.sightline.embedded;

import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic as it should exist on the cluster.
 *
 * @param name              the full name on the cluster (prefix included)
 * @param partitions        at least 1
 * @param replicationFactor at least 1
 * @param compacted         {@code cleanup.policy=compact} when true, {@code delete} otherwise
 */
public record TopicDefinition(String name, int partitions, short replicationFactor, boolean compacted) {

    /** Kafka's rule for topic names: these characters, at most 249 of them. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");
    private static final int MAX_NAME_LENGTH = 249;

    public TopicDefinition {
        requireLegalTopicChars(name, "topic name");
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("topic name must not be empty, '.' or '..', got '" + name + "'");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("topic name is longer than " + MAX_NAME_LENGTH + " characters: " + name);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least 1 partition, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic " + name + " needs a replication factor of at least 1, got " + replicationFactor);
        }
    }

    public String cleanupPolicy() {
        return compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE;
    }

    NewTopic toNewTopic() {
        return new NewTopic(name, partitions, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy()));
    }

    static void requireLegalTopicChars(String value, String what) {
        if (value == null || !LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " may only contain ASCII letters, digits, '.', '_' and '-', got '" + value + "'");
        }
    }
}
