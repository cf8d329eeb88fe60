package dev.sightline.reference;

import dev.sightline.model.AiTool;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.model.Policy;
import java.util.List;
import java.util.Optional;

/** The reference data a pipeline runs with: catalog, identities, classification table and, optionally, a policy. */
public record ReferenceData(List<AiTool> tools, List<Identity> identities, List<DataAsset> assets,
                            Optional<Policy> policy) {
    public ReferenceData {
        tools = List.copyOf(tools);
        identities = List.copyOf(identities);
        assets = List.copyOf(assets);
    }
}
