package dev.sightline.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.model.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicLayoutTest {

    @Test
    void prefixesEveryTopicAndCompactsTables() {
        TopicLayout layout = new TopicLayout("acme-", 6, (short) 3);

        assertThat(layout.definitions()).hasSize(Topic.values().length);
        assertThat(layout.definition(Topic.REF_IDENTITIES))
                .isEqualTo(new TopicDefinition("acme-ref.identities", 6, (short) 3, true));
        assertThat(layout.definition(Topic.ALERTS).cleanupPolicy()).isEqualTo("delete");
    }

    @Test
    void noPrefixMeansTheContractNames() {
        assertThat(new TopicLayout(null, 1, (short) 1).name(Topic.AI_USAGE)).isEqualTo("events.ai-usage");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space.", "slash/", "ümlaut.", "star*"})
    void rejectsPrefixesKafkaWouldRefuse(String prefix) {
        assertThatThrownBy(() -> new TopicLayout(prefix, 1, (short) 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic prefix");
    }

    @Test
    void rejectsNamesThatGrowTooLong() {
        assertThatThrownBy(() -> new TopicLayout("p".repeat(240), 1, (short) 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than 249");
    }

    @Test
    void rejectsImpossiblePartitionsAndReplication() {
        assertThatThrownBy(() -> new TopicLayout("", 0, (short) 1)).hasMessageContaining("at least 1 partition");
        assertThatThrownBy(() -> new TopicLayout("", 1, (short) 0)).hasMessageContaining("replication factor");
    }
}
