package dev.sightline.detect.state;

import java.util.Optional;

/** Organisation-wide memory of the tools in use, keyed by tool id (the topology keeps it in a state store). */
public interface SeenTools {
    Optional<ToolSighting> get(String toolId);

    void put(String toolId, ToolSighting sighting);
}
