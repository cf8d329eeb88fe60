package dev.sightline.pipeline.detect;

import dev.sightline.detect.state.Ewma;
import dev.sightline.detect.state.SeenTools;
import dev.sightline.detect.state.ToolSighting;
import dev.sightline.detect.state.UsageBaselines;
import dev.sightline.detect.state.UserUsage;
import dev.sightline.detect.state.WindowCounter;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The detection state interfaces on Kafka Streams stores. Key-value entries carry the stream time of their last
 * write, which {@link DetectProcessor}'s expiry uses to bound them.
 */
final class StoreBackedState {
    private StoreBackedState() {
    }

    static SeenTools seenTools(TimestampedKeyValueStore<String, ToolSighting> store) {
        return new SeenTools() {
            @Override
            public Optional<ToolSighting> get(String toolId) {
                return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(store.get(toolId)));
            }

            @Override
            public void put(String toolId, ToolSighting sighting) {
                store.put(toolId, ValueAndTimestamp.make(sighting, sighting.lastSeen().toEpochMilli()));
            }
        };
    }

    static WindowCounter counter(WindowStore<String, Long> store) {
        return new WindowCounter() {
            @Override
            public long get(String key, Instant windowStart) {
                Long count = store.fetch(key, windowStart.toEpochMilli());
                return count == null ? 0 : count;
            }

            @Override
            public void put(String key, Instant windowStart, long count) {
                store.put(key, count, windowStart.toEpochMilli());
            }
        };
    }

    static UsageBaselines baselines(TimestampedKeyValueStore<String, UserUsage> users,
                                    TimestampedKeyValueStore<String, Ewma> departments, LongSupplier streamTime) {
        return new UsageBaselines() {
            @Override
            public Optional<UserUsage> user(String actorKey) {
                return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(users.get(actorKey)));
            }

            @Override
            public void putUser(String actorKey, UserUsage usage) {
                users.put(actorKey, ValueAndTimestamp.make(usage, streamTime.getAsLong()));
            }

            @Override
            public Optional<Ewma> department(String department) {
                return Optional.ofNullable(ValueAndTimestamp.getValueOrNull(departments.get(department)));
            }

            @Override
            public void putDepartment(String department, Ewma baseline) {
                departments.put(department, ValueAndTimestamp.make(baseline, streamTime.getAsLong()));
            }
        };
    }
}
