package dev.sightline.pipeline.governance;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class BoundedMembersTest {
    @Test
    void countsEachMemberOnceAndStopsRememberingAtTheCap() {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("members"),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        BoundedMembers members = new BoundedMembers(store);

        assertThat(members.add("chatgpt", "alice", 0, 2)).isEqualTo(BoundedMembers.Added.NEW);
        assertThat(members.add("chatgpt", "alice", 1, 2)).isEqualTo(BoundedMembers.Added.KNOWN);
        assertThat(members.add("copilot", "alice", 0, 2)).as("groups are separate").isEqualTo(BoundedMembers.Added.NEW);
        assertThat(members.add("chatgpt", "bob", 1, 2)).isEqualTo(BoundedMembers.Added.NEW);
        assertThat(members.add("chatgpt", "carol", 2, 2)).isEqualTo(BoundedMembers.Added.CAPPED);
        assertThat(store.approximateNumEntries()).as("nothing stored past the cap").isEqualTo(3);
    }
}
