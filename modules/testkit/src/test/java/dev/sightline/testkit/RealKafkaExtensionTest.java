package dev.sightline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.sightline.embedded.ProvisionReport;
import dev.sightline.model.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@RealKafka
class RealKafkaExtensionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void producesAndConsumesThroughTheBroker(KafkaBroker broker) {
        ProvisionReport report = broker.createTopics();
        String topic = broker.topic(Topic.RAW_PROXY_SQUID);

        broker.produce(topic, utf8("proxy-1"), utf8("1700000000.000 GET https://chat.example.com/"));
        List<ConsumerRecord<byte[], byte[]>> records = broker.consume(topic, 1, TIMEOUT);

        assertThat(report.created()).contains(topic).allMatch(name -> name.startsWith(broker.topicPrefix()));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("proxy-1");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("1700000000.000 GET https://chat.example.com/");
        });
    }

    @Test
    void createsFurtherTopicsUnderThePrefixAndFailsClearlyWhenRecordsDoNotArrive(KafkaBroker broker) {
        String topic = broker.createTopic("empty", 2);

        assertThat(topic).isEqualTo(broker.topicPrefix() + "empty");
        assertThatThrownBy(() -> broker.consume(topic, 1, Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("expected 1 records on " + topic + " within PT0.3S, got 0");
    }

    @Test
    void aTopicThatNeverAppearsIsNamed(KafkaBroker broker) {
        String topic = broker.topicPrefix() + "never-created";

        assertThatThrownBy(() -> broker.consume(topic, 1, Duration.ofMillis(300)))
                .isInstanceOf(AssertionError.class)
                .hasMessage("topic " + topic + " does not exist");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
