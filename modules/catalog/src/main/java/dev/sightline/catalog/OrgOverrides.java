package dev.sightline.catalog;

import java.util.List;

/**
 * An organisation's override file: its policies per catalogued tool and, optionally, tools of its own (internal
 * gateways, self-hosted models) written like catalog entries.
 */
public record OrgOverrides(String organisation, List<ToolPolicy> policies, List<AiTool> tools) {
    public static final OrgOverrides NONE = new OrgOverrides(null, List.of(), List.of());

    public OrgOverrides {
        policies = policies == null ? List.of() : List.copyOf(policies);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
