package dev.sightline.app.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.detect.DedupState;
import dev.sightline.model.Alert;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.pipeline.detect.DetectTopology;
import dev.sightline.pipeline.governance.AuditIndex;
import dev.sightline.pipeline.governance.GovernanceTopology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Answers from this instance's active stores only; {@link QueryApi} routes and merges. Each method returns the
 * matching records of the local partitions as JSON.
 */
final class LocalQueries {
    /**
     * The detect stage's alert state (one per rule family): the latest merged alert per alert id, changelogged and
     * kept for twice the longest detection window. Serving from it needs no second copy of the alerts.
     */
    static final List<String> ALERT_STORES = List.of(DetectTopology.USER_ALERTS_STORE, DetectTopology.TOOL_ALERTS_STORE,
            DetectTopology.UPLOAD_ALERTS_STORE);
    static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::getLastSeen).reversed()
            .thenComparing(Alert::getAlertId);

    private final Routing routing;
    private final Deserializer<AuditRecord> audits;

    /** @param audits reads the audit index's values: audit records as the audit topic holds them */
    LocalQueries(Routing routing, Deserializer<AuditRecord> audits) {
        this.routing = routing;
        this.audits = audits;
    }

    List<ObjectNode> inventory() {
        if (!routing.holdsLocally(GovernanceTopology.INVENTORY_STORE)) {
            return List.of();
        }
        List<ObjectNode> entries = new ArrayList<>();
        try (KeyValueIterator<String, InventoryEntry> all = inventoryStore().all()) {
            all.forEachRemaining(entry -> entries.add(AvroJson.of(entry.value)));
        }
        return entries;
    }

    Optional<ObjectNode> inventoryEntry(String toolId) {
        return Optional.ofNullable(inventoryStore().get(toolId)).map(AvroJson::of);
    }

    /** Up to {@code limit + 1} matching records in result order, so the caller knows whether there are more. */
    List<ObjectNode> audit(AuditQuery query) {
        if (!routing.holdsLocally(GovernanceTopology.AUDIT_INDEX_STORE)) {
            return List.of();
        }
        ReadOnlyKeyValueStore<Bytes, byte[]> index = routing.local(GovernanceTopology.AUDIT_INDEX_STORE,
                QueryableStoreTypes.keyValueStore());
        int wanted = query.limit() + 1;
        List<AuditRecord> found = new ArrayList<>();
        if (query.user().isPresent()) {
            // one user: a range scan in result order, stopped as soon as the page is full
            long from = Math.max(query.range().from().toEpochMilli(),
                    query.cursor().map(AuditQuery.Position::eventTimeMillis).orElse(Long.MIN_VALUE));
            long until = query.range().to().toEpochMilli() - 1;
            try (KeyValueIterator<Bytes, byte[]> range = index.range(
                    AuditIndex.lowerBound(query.user().get(), from), AuditIndex.upperBound(query.user().get(), until))) {
                while (found.size() < wanted && range.hasNext()) {
                    AuditRecord record = decode(range.next().value);
                    if (query.matches(record)) {
                        found.add(record);
                    }
                }
            }
        } else {
            // any user: a full scan keeping the first `wanted` matches in result order
            Comparator<AuditRecord> order = Comparator.comparing(AuditQuery.Position::of, AuditQuery.ORDER);
            PriorityQueue<AuditRecord> best = new PriorityQueue<>(order.reversed());
            try (KeyValueIterator<Bytes, byte[]> all = index.all()) {
                while (all.hasNext()) {
                    AuditRecord record = decode(all.next().value);
                    if (query.matches(record)) {
                        best.add(record);
                        if (best.size() > wanted) {
                            best.poll();
                        }
                    }
                }
            }
            found.addAll(best);
            found.sort(order);
        }
        return found.stream().map(AvroJson::of).toList();
    }

    private AuditRecord decode(byte[] value) {
        return audits.deserialize(GovernanceTopology.AUDIT_INDEX_STORE, value);
    }

    List<ObjectNode> lineage(LineageQuery query) {
        if (!routing.holdsLocally(GovernanceTopology.LINEAGE_STORE)) {
            return List.of();
        }
        ReadOnlyKeyValueStore<String, LineageEdge> edges = routing.local(GovernanceTopology.LINEAGE_STORE,
                QueryableStoreTypes.keyValueStore());
        List<ObjectNode> found = new ArrayList<>();
        try (KeyValueIterator<String, LineageEdge> scan = query.prefix()
                .map(prefix -> edges.prefixScan(prefix, Serdes.String().serializer())).orElseGet(edges::all)) {
            scan.forEachRemaining(entry -> {
                if (query.matches(entry.value)) {
                    found.add(AvroJson.of(entry.value));
                }
            });
        }
        return found;
    }

    /** The newest {@code limit} matching alerts of the local partitions, newest first. */
    List<ObjectNode> alerts(AlertQuery query) {
        Map<String, Alert> latest = new HashMap<>();
        for (String store : ALERT_STORES) {
            if (!routing.holdsLocally(store)) {
                continue;
            }
            ReadOnlyWindowStore<String, DedupState> alerts = routing.local(store, QueryableStoreTypes.windowStore());
            try (KeyValueIterator<Windowed<String>, DedupState> all = alerts.all()) {
                all.forEachRemaining(entry -> {
                    Alert alert = entry.value.alert();
                    if (query.matches(alert)) {
                        latest.merge(alert.getAlertId(), alert,
                                (a, b) -> a.getCreatedAt().isAfter(b.getCreatedAt()) ? a : b);
                    }
                });
            }
        }
        return latest.values().stream().sorted(NEWEST_FIRST).limit(query.limit()).map(AvroJson::of).toList();
    }

    private ReadOnlyKeyValueStore<String, InventoryEntry> inventoryStore() {
        return routing.local(GovernanceTopology.INVENTORY_STORE, QueryableStoreTypes.keyValueStore());
    }
}
