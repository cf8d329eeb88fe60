package dev.sightline.ingest.m365;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.json.ParserRobustnessProperties;
import dev.sightline.ingest.json.Samples;
import java.util.List;

class M365AuditParserPropertiesTest extends ParserRobustnessProperties {
    @Override
    protected RecordParser parser() {
        return new M365AuditParser(ParserOptions.defaults());
    }

    @Override
    protected List<String> validSamples() {
        return Samples.lines("m365-audit", "audit.jsonl");
    }

    @Override
    protected List<String> knownKeys() {
        return List.of("Id", "CreationTime", "Operation", "UserId", "OrganizationId", "CopilotEventData", "AppHost",
                "AccessedResources", "Contexts", "Messages", "isPrompt", "ModelTransparencyDetails", "ModelName",
                "AuditData", "value", "SensitivityLabelId");
    }

    @Override
    protected String timeField() {
        return "CreationTime";
    }
}
