package dev.sightline.pipeline.enrich;

import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataClass;
import dev.sightline.model.Finding;
import dev.sightline.model.ToolMatch;
import dev.sightline.model.UserContext;
import dev.sightline.pipeline.metrics.EnrichMetrics;
import dev.sightline.pipeline.metrics.EnrichMetrics.ToolMatchOutcome;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Enriches one event with what the reference tables hold at the moment it is processed: tool, identity, asset
 * classification, content findings. Removes the content. Key and timestamp are unchanged.
 */
final class EnrichProcessor implements FixedKeyProcessor<String, AiUsageEvent, AiUsageEvent> {
    private final EnrichTopology.ReferenceData reference;
    private final ContentInspector inspector;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, AiUsageEvent> context;

    EnrichProcessor(EnrichTopology.ReferenceData reference, ContentInspector inspector, EnrichMetrics metrics) {
        this.reference = reference;
        this.inspector = inspector;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, AiUsageEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, AiUsageEvent> record) {
        AiUsageEvent event = record.value();
        if (event == null) {
            return; // events.ai-usage carries no tombstones; nothing to enrich
        }
        ToolMatch tool = reference.tools().snapshot().resolve(event);
        event.setTool(tool);
        metrics.enriched(tool == null ? ToolMatchOutcome.NONE
                : tool.getCandidate() ? ToolMatchOutcome.CANDIDATE : ToolMatchOutcome.CATALOGUED);

        UserContext identity = reference.identities().snapshot().contextOf(event.getUser());
        event.setIdentity(identity);
        if (identity == null && event.getUser() != null) {
            metrics.unknownUser();
        }

        Set<DataClass> classes = EnumSet.noneOf(DataClass.class);
        classes.addAll(reference.assets().snapshot().classify(event));

        ContentInspector.Inspection inspection = inspector.inspect(event.getContent());
        event.setContent(null);
        event.setFindings(new ArrayList<>(inspection.findings()));
        event.setContentTruncated(inspection.truncated());
        for (Finding finding : inspection.findings()) {
            classes.add(finding.getDataClass());
            metrics.finding(finding.getType(), finding.getDataClass().name());
        }
        event.setDataClasses(new ArrayList<>(classes));
        context.forward(record.withValue(event));
    }
}
