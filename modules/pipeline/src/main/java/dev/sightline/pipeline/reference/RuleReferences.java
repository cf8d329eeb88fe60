package dev.sightline.pipeline.reference;

import dev.sightline.detect.ActivePolicy;
import dev.sightline.detect.DetectionContext;
import dev.sightline.model.AiTool;
import dev.sightline.model.Policy;
import java.util.Objects;
import java.util.Optional;

/**
 * What detection rules and governance read besides the event: the policy in force ({@code sightline.policy.id} on
 * ref.policies) and the catalog (ref.ai-tools), decoded by their global-store processors. The policy's rule index is
 * built once per policy version, not per event. Thread-safe; shared by every task of the instance.
 */
public final class RuleReferences {
    private record Compiled(Policy policy, ActivePolicy active) {
    }

    private final DecodedTable<Policy> policies;
    private final DecodedTable<AiTool> catalog;
    private final String policyId;
    private volatile Compiled compiled = new Compiled(null, ActivePolicy.of(null));

    public RuleReferences(DecodedTable<Policy> policies, DecodedTable<AiTool> catalog, String policyId) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (policyId == null || policyId.isBlank()) {
            throw new IllegalArgumentException("policyId must not be blank");
        }
        this.policyId = policyId;
    }

    /** The policy in force now, or none (every tool keeps the catalog's sanction status). */
    public ActivePolicy policy() {
        Policy current = policies.get(policyId);
        Compiled known = compiled;
        if (known.policy() != current) { // identity: the global thread puts a new object for every change
            known = new Compiled(current, ActivePolicy.of(current));
            compiled = known;
        }
        return known.active();
    }

    public Optional<AiTool> tool(String toolId) {
        return Optional.ofNullable(catalog.get(toolId));
    }

    /** The context the detection rules run in, as of now. */
    public DetectionContext detectionContext() {
        return new DetectionContext(policy(), this::tool);
    }
}
