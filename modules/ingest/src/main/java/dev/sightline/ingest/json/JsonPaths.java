package dev.sightline.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Optional;

/**
 * Dotted field paths over JSON that spells them either way, as ECS shippers do: {@code {"http.request.method":"GET"}},
 * {@code {"http":{"request":{"method":"GET"}}}} and mixtures such as {@code {"http":{"request.method":"GET"}}} all
 * resolve {@code http.request.method}. Work is bounded by the number of dots in the path, not by the input.
 */
public final class JsonPaths {
    private JsonPaths() {
    }

    /** The non-null value at a dotted path. */
    public static Optional<JsonNode> find(JsonNode node, String path) {
        JsonNode direct = node.get(path);
        if (direct != null && !direct.isNull()) {
            return Optional.of(direct);
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            JsonNode child = node.get(path.substring(0, dot));
            if (child != null && child.isObject()) {
                Optional<JsonNode> found = find(child, path.substring(dot + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A flat object holding the value of each path found, keyed by the dotted path, so that {@link JsonFields} can
     * read it and name the dotted path in its errors.
     */
    public static ObjectNode flatten(JsonNode root, Collection<String> paths) {
        ObjectNode flat = JsonNodeFactory.instance.objectNode();
        for (String path : paths) {
            find(root, path).ifPresent(value -> flat.set(path, value));
        }
        return flat;
    }
}
