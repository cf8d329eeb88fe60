package dev.sightline.pipeline.governance;

import dev.sightline.model.LineageEdge;
import dev.sightline.pipeline.metrics.GovernanceMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Data lineage (A.4.3, A.7.5): sums the one-event edges of {@link LineageEdges} per edge id (input keyed by edge id)
 * into counts, first/last seen, an exact distinct user count (capped) and a sample of the first users seen.
 */
final class LineageProcessor extends ThrottledAggregateProcessor<LineageEdge, LineageEdge> {
    static final int USER_CAP = 10_000;
    /** Users listed in an edge, per LineageEdge.avsc. */
    static final int USERS_LISTED = 20;
    static final String AGGREGATE = "lineage";

    private final GovernanceMetrics metrics;

    LineageProcessor(StoreNames stores, Duration interval, GovernanceMetrics metrics, Clock clock) {
        super(stores, interval, metrics::lineageEdgeWritten, clock);
        this.metrics = metrics;
    }

    @Override
    protected LineageEdge merge(String edgeId, LineageEdge current, LineageEdge single, Instant now) {
        LineageEdge edge = LineageEdge.newBuilder(current != null ? current : single).setEventCount(
                current == null ? 0 : current.getEventCount()).setDistinctUsers(current == null ? 0 : current.getDistinctUsers())
                .setUsers(current == null ? List.of() : current.getUsers()).build();
        edge.setEventCount(edge.getEventCount() + single.getEventCount());
        edge.setToolName(single.getToolName());
        if (single.getAssetName() != null) {
            edge.setAssetName(single.getAssetName());
        }
        edge.setFirstSeen(single.getFirstSeen().isBefore(edge.getFirstSeen()) ? single.getFirstSeen() : edge.getFirstSeen());
        edge.setLastSeen(single.getLastSeen().isAfter(edge.getLastSeen()) ? single.getLastSeen() : edge.getLastSeen());
        for (String user : single.getUsers()) {
            BoundedMembers.Added added = members.add(edgeId, user, edge.getDistinctUsers(), USER_CAP);
            if (added == BoundedMembers.Added.NEW) {
                edge.setDistinctUsers(edge.getDistinctUsers() + 1);
                if (edge.getUsers().size() < USERS_LISTED) {
                    List<String> users = new ArrayList<>(edge.getUsers());
                    users.add(user);
                    edge.setUsers(users);
                }
            } else if (added == BoundedMembers.Added.CAPPED) {
                metrics.distinctCountCapped(AGGREGATE);
            }
        }
        edge.setUpdatedAt(now);
        return edge;
    }

    @Override
    protected boolean material(LineageEdge before, LineageEdge after) {
        return !Objects.equals(before.getToolName(), after.getToolName())
                || !Objects.equals(before.getAssetName(), after.getAssetName());
    }

    @Override
    protected LineageEdge stamped(LineageEdge value, Instant updatedAt) {
        return LineageEdge.newBuilder(value).setUpdatedAt(updatedAt).build();
    }
}
