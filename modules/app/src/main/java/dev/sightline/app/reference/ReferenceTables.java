package dev.sightline.app.reference;

import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AiTool;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.model.Policy;
import dev.sightline.model.Topic;
import java.util.List;
import java.util.Optional;

/** The reference data a pipeline runs with: catalog, identities, classification table and, optionally, a policy. */
public record ReferenceTables(List<AiTool> tools, List<Identity> identities, List<DataAsset> assets,
                              Optional<Policy> policy) {
    public ReferenceTables {
        tools = List.copyOf(tools);
        identities = List.copyOf(identities);
        assets = List.copyOf(assets);
    }

    /**
     * Publishes every non-empty table, each in its own transaction. Call it before the stream application starts, so
     * that its global stores begin complete and no event is enriched against half the data.
     */
    public void publish(SightlineConfig config) {
        ReferencePublisher publisher = new ReferencePublisher(config);
        publisher.publish(Topic.REF_AI_TOOLS, AiTool.class, tools, AiTool::getId);
        if (!identities.isEmpty()) {
            publisher.publish(Topic.REF_IDENTITIES, Identity.class, identities, Identity::getUserId);
        }
        if (!assets.isEmpty()) {
            publisher.publish(Topic.REF_DATA_ASSETS, DataAsset.class, assets, DataAsset::getId);
        }
        policy.ifPresent(p -> publisher.publish(Topic.REF_POLICIES, Policy.class, List.of(p), Policy::getId));
    }
}
