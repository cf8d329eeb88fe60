package dev.sightline.detect;

import dev.sightline.model.AiTool;
import java.util.Optional;

/** Read access to the AI tool catalog (ref.ai-tools); the topology backs it with a global store. */
@FunctionalInterface
public interface ToolCatalog {
    ToolCatalog EMPTY = toolId -> Optional.empty();

    Optional<AiTool> tool(String toolId);
}
