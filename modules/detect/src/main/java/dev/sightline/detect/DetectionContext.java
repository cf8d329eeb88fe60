package dev.sightline.detect;

import java.util.Objects;

/** Reference data a rule may consult: the policy in force and the catalog. Both change without a restart. */
public record DetectionContext(ActivePolicy policy, ToolCatalog catalog) {
    public DetectionContext {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(catalog, "catalog");
    }
}
