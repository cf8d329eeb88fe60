package dev.sightline.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * How far a Kafka Streams application has got, read from outside as any lag monitor would: the committed offsets of
 * its consumer group against the end offsets (read_committed) of every topic its sub-topologies read. Because each
 * stage commits its input offsets in the transaction that writes its output, "every source topic's lag is zero"
 * means every record has gone through every stage.
 */
final class GroupProgress {
    private final Admin admin;
    private final String groupId;
    private final Set<String> inputTopics;
    private final List<TopicPartition> partitions;

    /** One reading. */
    record Snapshot(long inputCommitted, long inputEnd, long lag) {
        boolean caughtUp() {
            return inputCommitted == inputEnd && lag == 0;
        }
    }

    /**
     * @param inputTopics the topics the benchmark loaded (raw.*): what "records processed" counts
     * @param allSources  every topic any sub-topology reads, the input topics included
     */
    GroupProgress(Admin admin, String groupId, Collection<String> inputTopics, Collection<String> allSources) {
        this.admin = admin;
        this.groupId = groupId;
        this.inputTopics = Set.copyOf(inputTopics);
        this.partitions = partitionsOf(admin, allSources);
    }

    Snapshot read() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            long inputCommitted = 0;
            long inputEnd = 0;
            long lag = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                long done = offset == null ? 0 : offset.offset();
                long end = ends.get(partition).offset();
                lag += Math.max(0, end - done);
                if (inputTopics.contains(partition.topic())) {
                    inputCommitted += done;
                    inputEnd += end;
                }
            }
            return new Snapshot(inputCommitted, inputEnd, lag);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the progress of group " + groupId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the progress of group " + groupId, e);
        }
    }

    private static List<TopicPartition> partitionsOf(Admin admin, Collection<String> topics) {
        try {
            Map<String, List<TopicPartitionInfo>> byTopic = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get()
                    .forEach((name, description) -> byTopic.put(name, description.partitions()));
            return byTopic.entrySet().stream()
                    .flatMap(entry -> entry.getValue().stream().map(p -> new TopicPartition(entry.getKey(), p.partition())))
                    .toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the topics " + topics, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topics, e);
        }
    }
}
