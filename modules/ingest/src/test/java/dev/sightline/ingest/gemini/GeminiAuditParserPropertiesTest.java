package dev.sightline.ingest.gemini;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.json.ParserRobustnessProperties;
import dev.sightline.ingest.json.Samples;
import java.util.List;

class GeminiAuditParserPropertiesTest extends ParserRobustnessProperties {
    @Override
    protected RecordParser parser() {
        return new GeminiAuditParser(ParserOptions.defaults());
    }

    @Override
    protected List<String> validSamples() {
        return Samples.lines("gemini-audit", "activities.jsonl");
    }

    @Override
    protected List<String> knownKeys() {
        return List.of("id", "time", "uniqueQualifier", "applicationName", "customerId", "actor", "email", "events",
                "name", "parameters", "value", "multiValue", "items");
    }

    @Override
    protected String timeField() {
        return "time";
    }
}
