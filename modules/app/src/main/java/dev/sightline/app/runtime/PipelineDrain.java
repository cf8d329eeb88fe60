package dev.sightline.app.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the stream application has processed everything written so far: its consumer group's committed offsets
 * have reached the end of every partition it reads (raw, repartition and intermediate topics alike), and stayed there
 * for a moment, so a record still in flight between two stages cannot be missed.
 */
public final class PipelineDrain {
    private static final Duration POLL = Duration.ofMillis(250);
    /** How long the group must stay caught up: several commit intervals, so the next stage has committed too. */
    private static final int STABLE_POLLS = 8;

    private PipelineDrain() {
    }

    /**
     * Blocks until the group {@code applicationId} is caught up on every partition of {@code inputTopics} and of its
     * own repartition topics, and on anything else it has committed. A partition that holds records but has no
     * committed offset yet is not caught up.
     *
     * @param inputTopics every topic the application reads (full names): raw and intermediate ones
     * @throws TimeoutException when that has not happened within {@code timeout}
     */
    public static void await(Map<String, Object> kafkaClientProperties, String applicationId,
                             Collection<String> inputTopics, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int stable = 0;
        try (Admin admin = Admin.create(new HashMap<>(kafkaClientProperties))) {
            while (stable < STABLE_POLLS) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the pipeline did not catch up within " + timeout);
                }
                stable = caughtUp(admin, applicationId, topicsRead(admin, applicationId, inputTopics)) ? stable + 1 : 0;
                Thread.sleep(POLL.toMillis());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the progress of " + applicationId + ": " + e.getCause(), e);
        }
    }

    private static Set<String> topicsRead(Admin admin, String group, Collection<String> inputTopics)
            throws ExecutionException, InterruptedException {
        Set<String> topics = new HashSet<>(inputTopics);
        admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(group + "-") && name.endsWith("-repartition"))
                .forEach(topics::add);
        return topics;
    }

    private static boolean caughtUp(Admin admin, String group, Set<String> topics)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        committed.keySet().forEach(tp -> partitions.put(tp, OffsetSpec.latest()));
        admin.describeTopics(topics).allTopicNames().get().values().forEach(description -> description.partitions()
                .forEach(p -> partitions.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends;
        try {
            ends = admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false;
        }
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata done = committed.get(end.getKey());
            return done == null ? end.getValue().offset() == 0 : done.offset() >= end.getValue().offset();
        });
    }
}
