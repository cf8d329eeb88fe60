package dev.sightline.bench;

import dev.sightline.pipeline.StreamsApplication;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Runs a started stream application over records already loaded and measures its rate: the input records
 * committed between the first commit and the moment every sub-topology has caught up, over that time. Start-up
 * (rebalance, global store restore) is outside the measured span; the tail through the last stage is inside it.
 */
final class ThroughputRun {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** What was measured. */
    record Measured(long records, Duration span, Duration startUp) {
        double recordsPerSecond() {
            return records / Math.max(span.toNanos() / 1e9, 1e-3);
        }
    }

    private ThroughputRun() {
    }

    /**
     * @param inputTopics the loaded topics (full names); the rate counts their records
     */
    static Measured measure(StreamsApplication application, Topology topology, String applicationId, Admin admin,
                            Collection<String> inputTopics) throws InterruptedException {
        long begin = System.nanoTime();
        application.start();
        awaitRunning(application.streams(), begin);
        GroupProgress progress = new GroupProgress(admin, applicationId, inputTopics,
                sourceTopics(topology, applicationId, admin));
        long firstCommitAt = 0;
        long committedAtFirst = 0;
        while (System.nanoTime() - begin < TIMEOUT.toNanos()) {
            GroupProgress.Snapshot snapshot = progress.read();
            long now = System.nanoTime();
            if (firstCommitAt == 0 && snapshot.inputCommitted() > 0) {
                firstCommitAt = now;
                committedAtFirst = snapshot.inputCommitted();
            }
            if (snapshot.caughtUp() && snapshot.inputEnd() > 0) {
                // all done at the first commit (a tiny run): count from the start instead
                boolean oneCommit = committedAtFirst == snapshot.inputEnd();
                long from = oneCommit ? begin : firstCommitAt;
                long records = oneCommit ? snapshot.inputEnd() : snapshot.inputEnd() - committedAtFirst;
                return new Measured(records, Duration.ofNanos(now - from), Duration.ofNanos(firstCommitAt - begin));
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException(applicationId + " did not catch up within " + TIMEOUT);
    }

    /** Waits until the application has joined its group and restored its global stores. */
    static void awaitRunning(KafkaStreams streams, long begin) throws InterruptedException {
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING
                    || System.nanoTime() - begin > TIMEOUT.toNanos()) {
                throw new IllegalStateException("stream application did not reach RUNNING: " + streams.state());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Every topic a sub-topology reads; internal (repartition) topics carry the application id in front. */
    static Set<String> sourceTopics(Topology topology, String applicationId, Admin admin) {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
        Set<String> topics = new LinkedHashSet<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Source source) {
                    for (String topic : source.topicSet()) {
                        topics.add(existing.contains(topic) ? topic : applicationId + "-" + topic);
                    }
                }
            }
        }
        return topics;
    }
}
