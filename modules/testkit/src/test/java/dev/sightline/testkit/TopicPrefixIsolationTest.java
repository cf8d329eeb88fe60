package dev.sightline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealKafkaExtension.class)
class TopicPrefixIsolationTest {

    private static final Set<String> PREFIXES_SEEN = ConcurrentHashMap.newKeySet();
    private static final Set<String> BROKERS_SEEN = ConcurrentHashMap.newKeySet();

    private KafkaBroker beforeEachBroker;

    @BeforeEach
    void remember(KafkaBroker broker) {
        beforeEachBroker = broker;
    }

    @Test
    void oneTest(KafkaBroker broker) {
        assertOwnPrefixOnTheSharedBroker(broker);
    }

    @RepeatedTest(2)
    void anotherTestRunTwice(KafkaBroker broker) {
        assertOwnPrefixOnTheSharedBroker(broker);
    }

    private void assertOwnPrefixOnTheSharedBroker(KafkaBroker broker) {
        assertThat(broker.topicPrefix()).as("the @BeforeEach method shares its test's prefix")
                .isEqualTo(beforeEachBroker.topicPrefix());
        assertThat(PREFIXES_SEEN.add(broker.topicPrefix())).as("prefix %s is new", broker.topicPrefix()).isTrue();
        BROKERS_SEEN.add(broker.bootstrapServers());
        assertThat(BROKERS_SEEN).as("one broker for the run").hasSize(1);
    }
}
