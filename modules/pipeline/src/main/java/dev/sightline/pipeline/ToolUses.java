package dev.sightline.pipeline;

import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Uses of a known or candidate AI tool that reached it (not blocked), re-keyed by tool id through one repartition
 * topic. Detection (first use in the organisation) and governance (the inventory) both need every tool's uses in
 * one task; sharing the topic halves what each enriched event costs the broker.
 */
public final class ToolUses {
    public static final String FILTER = "tool-uses-filter";
    public static final String KEY_BY_TOOL = "tool-uses-key-by-tool";
    /** The repartition topic is named after this: {@code <application id>-tool-uses-by-tool-repartition}. */
    public static final String BY_TOOL = "tool-uses-by-tool";

    private ToolUses() {
    }

    /** The enriched stream's tool uses, keyed by tool id. Call once per topology: the names are fixed. */
    public static KStream<String, AiUsageEvent> byTool(KStream<String, AiUsageEvent> enriched,
                                                      Serde<AiUsageEvent> eventSerde) {
        return enriched
                .filter((user, event) -> isToolUse(event), Named.as(FILTER))
                .selectKey((user, event) -> event.getTool().getToolId(), Named.as(KEY_BY_TOOL))
                .repartition(Repartitioned.with(Serdes.String(), eventSerde).withName(BY_TOOL));
    }

    private static boolean isToolUse(AiUsageEvent event) {
        return event != null && event.getTool() != null && event.getProxyAction() != ProxyAction.BLOCKED;
    }
}
