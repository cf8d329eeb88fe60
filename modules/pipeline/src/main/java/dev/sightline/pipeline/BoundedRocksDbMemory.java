package dev.sightline.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Makes every RocksDB store of the JVM share one block cache and one memtable budget, as the Kafka Streams memory
 * management guide describes. By default each store of each partition gets its own cache and memtables, so native
 * memory grows with stores x partitions; with this it is fixed by {@code sightline.streams.state.memory.mb}.
 * Kafka Streams instantiates this class by name, once per store: the shared objects are therefore static, one pair
 * per configured size, and never closed (they live as long as the JVM).
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Streams property carrying the budget in bytes; set by {@link StreamsApplication#streamsProperties}. */
    public static final String TOTAL_BYTES_CONFIG = "sightline.rocksdb.total.bytes";
    /** Share of the budget memtables may take; it is charged to the cache, so the total holds. */
    private static final double MEMTABLE_SHARE = 0.25;
    /** Share of the cache kept for index and filter blocks, which every read needs. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    record Shared(Cache cache, WriteBufferManager memtables) {
    }

    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared shared = shared(totalBytes(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.memtables());
    }

    @Override
    public void close(String storeName, Options options) {
        // shared by every store: closing it here would pull it from under the others
    }

    static Shared shared(long totalBytes) {
        return SHARED.computeIfAbsent(totalBytes, bytes -> {
            Cache cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            return new Shared(cache, new WriteBufferManager((long) (bytes * MEMTABLE_SHARE), cache));
        });
    }

    static long totalBytes(Map<String, Object> configs) {
        Object value = configs.get(TOTAL_BYTES_CONFIG);
        if (value == null) {
            throw new IllegalStateException(TOTAL_BYTES_CONFIG + " is not set: use StreamsApplication.streamsProperties");
        }
        return Long.parseLong(value.toString());
    }
}
