package dev.sightline.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The server properties of a single combined broker/controller node, tuned for one machine and fast tests. */
final class BrokerProperties {

    /** A single node can hold one replica of everything, so internal topics must not ask for more. */
    private static final Map<String, String> SINGLE_NODE = Map.ofEntries(
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            // one partition each (default 50): the first consumer group / transaction then starts in milliseconds
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.num.partitions", "1"),
            // no point waiting for more members to join on a single machine
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // topics are provisioned with their partitions and cleanup policy; a typo must not create a new one
            Map.entry("auto.create.topics.enable", "false"),
            // smaller segments let compaction of table topics happen in a demo's lifetime (default 1 GiB)
            Map.entry("log.segment.bytes", String.valueOf(16 * 1024 * 1024)),
            // the cleaner allocates this up front (default 128 MiB)
            Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024)));

    private BrokerProperties() {
    }

    static Map<String, String> of(int nodeId, List<Listener> listeners, Path dataDirectory) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", join(withRole(listeners, Listener.Role.CONTROLLER), l -> nodeId + "@" + l.address()));
        props.put("controller.listener.names", join(withRole(listeners, Listener.Role.CONTROLLER), Listener::name));
        props.put("inter.broker.listener.name", withRole(listeners, Listener.Role.CLIENT).get(0).name());
        props.put("listeners", join(listeners, Listener::uri));
        props.put("advertised.listeners", join(withRole(listeners, Listener.Role.CLIENT), Listener::uri));
        props.put("listener.security.protocol.map", join(listeners, l -> l.name() + ":" + l.protocol().name));
        props.put("log.dirs", dataDirectory.toString());
        props.putAll(SINGLE_NODE);
        return props;
    }

    static List<Listener> withRole(List<Listener> listeners, Listener.Role role) {
        return listeners.stream().filter(l -> l.role() == role).toList();
    }

    private static String join(List<Listener> listeners, Function<Listener, String> part) {
        return listeners.stream().map(part).collect(Collectors.joining(","));
    }
}
