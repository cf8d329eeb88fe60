package dev.sightline.app.ship;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds the lines that reached the topic after the position file was last written: the records sent between the
 * broker's acknowledgement and a crash before the position was saved. Reads every partition of the topic from the
 * position's time (minus a margin for clock differences) to its end and collects the line numbers of the wanted
 * shipments beyond their saved line.
 */
final class ShippedLines {
    /** Records carry the producer's clock (CreateTime), the same clock that stamped the position; the margin covers
     * topics with LogAppendTime and clocks stepped back. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(200);

    private ShippedLines() {
    }

    /**
     * @param afterLine  per ship id: the last line the position file records
     * @param since      the oldest {@code updatedAt} of those positions
     * @return per ship id: the numbers of lines after {@code afterLine} that are on the topic
     */
    static Map<String, Set<Long>> find(Consumer<byte[], byte[]> consumer, String topic, Map<String, Long> afterLine,
                                       Instant since, Duration timeout) {
        Map<String, Set<Long>> found = new HashMap<>();
        if (afterLine.isEmpty()) {
            return found;
        }
        List<TopicPartition> partitions = ShipTopics.partitions(consumer, topic, timeout);
        long from = since.minus(CLOCK_MARGIN).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, from));
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(times, timeout);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        consumer.assign(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            consumer.seek(partition, start == null ? ends.get(partition) : start.offset());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new ShipException("could not read back the end of " + topic + " within " + timeout
                        + " to check which lines arrived after the last saved position");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                String shipId = ShipHeaders.read(record.headers(), ShipHeaders.SHIP_ID).orElse(null);
                Long saved = shipId == null ? null : afterLine.get(shipId);
                if (saved == null) {
                    continue;
                }
                ShipHeaders.read(record.headers(), ShipHeaders.LINE).map(ShippedLines::number)
                        .filter(line -> line > saved)
                        .ifPresent(line -> found.computeIfAbsent(shipId, id -> new HashSet<>()).add(line));
            }
        }
        consumer.unsubscribe();
        return found;
    }

    private static Long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }
}
