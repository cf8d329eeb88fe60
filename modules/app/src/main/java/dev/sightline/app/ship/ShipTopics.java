package dev.sightline.app.ship;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/** The partitions of the topic to ship to; a missing topic is an error rather than a silent auto-creation. */
public final class ShipTopics {
    private ShipTopics() {
    }

    /**
     * @throws ShipException naming the topic when it does not exist or the cluster does not answer in time
     */
    public static List<TopicPartition> partitions(Consumer<?, ?> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, timeout);
        } catch (TimeoutException e) {
            throw new ShipException("no answer from Kafka about topic " + topic + " within " + timeout
                    + " (check bootstrap servers and security settings)", e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new ShipException("topic " + topic + " does not exist; create it (sightline run does) or check --topic"
                    + " and the topic prefix");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }
}
