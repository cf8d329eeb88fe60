package dev.sightline.app.api;

import dev.sightline.model.DataClass;
import dev.sightline.model.LineageEdge;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/lineage?asset=&class=&tool=}: the edges from a data asset or data class to AI tools, or into one tool.
 * Edge ids start with the source ({@code asset:<id>|} or {@code class:<CLASS>|}), so asset and class are prefix scans.
 */
record LineageQuery(Optional<String> asset, Optional<DataClass> dataClass, Optional<String> tool) {
    static final Set<String> PARAMETERS = Set.of("asset", "class", "tool");

    static LineageQuery parse(QueryParameters parameters) {
        LineageQuery query = new LineageQuery(parameters.text("asset"), parameters.enumeration("class", DataClass.class),
                parameters.text("tool"));
        if (query.asset().isPresent() && query.dataClass().isPresent()) {
            throw ApiException.badRequest("give 'asset' or 'class', not both: an edge starts at one of them");
        }
        return query;
    }

    /** The edge id prefix to scan, when the query names the source. */
    Optional<String> prefix() {
        return asset.map(id -> "asset:" + id + "|").or(() -> dataClass.map(c -> "class:" + c.name() + "|"));
    }

    boolean matches(LineageEdge edge) {
        return prefix().map(edge.getEdgeId()::startsWith).orElse(true)
                && tool.map(edge.getToolId()::equals).orElse(true);
    }
}
