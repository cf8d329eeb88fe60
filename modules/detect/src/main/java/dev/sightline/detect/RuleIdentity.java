package dev.sightline.detect;

import java.util.List;
import java.util.Objects;

/**
 * What names a detection rule in every alert it raises.
 *
 * @param id       stable kebab-case id, e.g. {@code shadow-ai}; part of every alert id
 * @param version  bumped whenever the rule's logic changes what it reports, so alerts name the logic that raised them
 * @param controls ISO/IEC 42001 Annex A controls the rule's alerts are evidence for (ISO42001.md)
 */
public record RuleIdentity(String id, int version, List<String> controls) {
    public RuleIdentity {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive, was " + version);
        }
        controls = List.copyOf(controls);
    }
}
