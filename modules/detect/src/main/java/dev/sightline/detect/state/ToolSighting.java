package dev.sightline.detect.state;

import java.time.Instant;

/** When a tool was first and last used anywhere in the organisation. */
public record ToolSighting(Instant firstSeen, Instant lastSeen) {
    public ToolSighting seenAt(Instant at) {
        return new ToolSighting(at.isBefore(firstSeen) ? at : firstSeen, at.isAfter(lastSeen) ? at : lastSeen);
    }
}
