package dev.sightline.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {
    static {
        RocksDB.loadLibrary();
    }

    @Test
    void everyStoreSharesOneMemtableBudgetOfTheConfiguredSize() {
        Map<String, Object> streams = StreamsApplication.streamsProperties(SightlineConfig.loader().environment(Map.of())
                .overrides(Map.of(ConfigKeys.STATE_MEMORY_MB.name(), "64")).load());
        assertThat(streams.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDbMemory.class);
        assertThat(streams.get(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG)).isEqualTo(64L * 1024 * 1024);

        try (Options first = new Options(); Options second = new Options()) {
            // Kafka Streams hands the setter options with a block-based table config already in place
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            setter.setConfig("store-a", first, streams);
            setter.setConfig("store-b", second, streams);
            assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager())
                    .isSameAs(BoundedRocksDbMemory.shared(64L * 1024 * 1024).memtables());
        }
    }

    @Test
    void refusesToRunWithoutABudget() {
        try (Options options = new Options()) {
            assertThatThrownBy(() -> new BoundedRocksDbMemory().setConfig("store", options, Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(BoundedRocksDbMemory.TOTAL_BYTES_CONFIG);
        }
    }
}
