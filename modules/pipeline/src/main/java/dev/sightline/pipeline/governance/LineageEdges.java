package dev.sightline.pipeline.governance;

import dev.sightline.detect.Actor;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.LineageEdge;
import dev.sightline.model.LineageSourceKind;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.ToolMatch;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;

/**
 * The lineage edges one event adds, each as a one-event {@link LineageEdge} keyed by its edge id: one per asset the
 * classification table matched ({@code asset:<assetId>|<toolId>}) and one per data class found in the content
 * ({@code class:<DataClass>|<toolId>}). Blocked interactions add none: no data reached the tool.
 */
final class LineageEdges {
    private LineageEdges() {
    }

    static String assetEdgeId(String assetId, String toolId) {
        return "asset:" + assetId + "|" + toolId;
    }

    static String classEdgeId(DataClass dataClass, String toolId) {
        return "class:" + dataClass.name() + "|" + toolId;
    }

    static List<KeyValue<String, LineageEdge>> of(AiUsageEvent event) {
        ToolMatch tool = event.getTool();
        if (tool == null || event.getProxyAction() == ProxyAction.BLOCKED) {
            return List.of();
        }
        List<KeyValue<String, LineageEdge>> edges = new ArrayList<>();
        Set<String> assetIds = new HashSet<>();
        for (AccessedAsset asset : event.getAssets()) {
            if (asset.getAssetId() != null && assetIds.add(asset.getAssetId())) {
                String id = assetEdgeId(asset.getAssetId(), tool.getToolId());
                edges.add(KeyValue.pair(id, single(event, id).setSourceKind(LineageSourceKind.ASSET)
                        .setAssetId(asset.getAssetId()).setAssetName(asset.getName()).build()));
            }
        }
        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        event.getFindings().stream().map(Finding::getDataClass).forEach(classes::add);
        for (DataClass dataClass : classes) {
            String id = classEdgeId(dataClass, tool.getToolId());
            edges.add(KeyValue.pair(id, single(event, id).setSourceKind(LineageSourceKind.DATA_CLASS)
                    .setDataClass(dataClass).build()));
        }
        return edges;
    }

    private static LineageEdge.Builder single(AiUsageEvent event, String edgeId) {
        return LineageEdge.newBuilder().setEdgeId(edgeId).setToolId(event.getTool().getToolId())
                .setToolName(event.getTool().getName()).setEventCount(1)
                .setUsers(Actor.user(event).map(List::of).orElse(List.of()))
                .setFirstSeen(event.getEventTime()).setLastSeen(event.getEventTime()).setUpdatedAt(event.getEventTime());
    }
}
