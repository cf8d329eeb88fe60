package dev.sightline.app.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreType;

/**
 * Which instance holds what, from Kafka Streams' metadata ({@code application.server} of every instance): the owner
 * of a key, or every holder of a store. Answers only while the application is RUNNING; during a rebalance or a
 * restore the data is moving and queries get 503.
 */
final class Routing {
    private final KafkaStreams streams;
    private final HostInfo self;

    Routing(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    HostInfo self() {
        return self;
    }

    /** The instance whose active task holds {@code key} (a String record key) in {@code store}. */
    HostInfo owner(String store, String key) {
        requireRunning();
        KeyQueryMetadata metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata) || metadata.activeHost() == null) {
            throw ApiException.unavailable("the owner of the requested key is not known yet (rebalancing)");
        }
        return metadata.activeHost();
    }

    /** Every instance holding part of one of {@code stores}, this one first if it does. */
    List<HostInfo> holders(List<String> stores) {
        requireRunning();
        Set<HostInfo> hosts = new LinkedHashSet<>();
        for (String store : stores) {
            streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo).forEach(hosts::add);
        }
        if (hosts.isEmpty()) {
            throw ApiException.unavailable("no instance holds " + String.join(", ", stores) + " yet (rebalancing)");
        }
        List<HostInfo> ordered = new java.util.ArrayList<>(hosts);
        ordered.sort((a, b) -> Boolean.compare(!a.equals(self), !b.equals(self)));
        return ordered;
    }

    /** This instance's active part of {@code store}. */
    <T> T local(String store, QueryableStoreType<T> type) {
        requireRunning();
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(store, type));
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("store " + store + " is not ready on this instance (" + e.getMessage() + ")");
        }
    }

    /** Whether this instance holds an active part of {@code store}. */
    boolean holdsLocally(String store) {
        return streams.streamsMetadataForStore(store).stream().anyMatch(m -> m.hostInfo().equals(self));
    }

    private void requireRunning() {
        KafkaStreams.State state = streams.state();
        if (state != KafkaStreams.State.RUNNING) {
            throw ApiException.unavailable("the stream application is " + state + ", not RUNNING");
        }
    }
}
