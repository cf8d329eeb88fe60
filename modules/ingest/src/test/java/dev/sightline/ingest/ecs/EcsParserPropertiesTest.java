package dev.sightline.ingest.ecs;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.json.ParserRobustnessProperties;
import dev.sightline.ingest.json.Samples;
import java.util.List;

class EcsParserPropertiesTest extends ParserRobustnessProperties {
    @Override
    protected RecordParser parser() {
        return new EcsParser(ParserOptions.defaults());
    }

    @Override
    protected List<String> validSamples() {
        return Samples.lines("ecs", "events.jsonl");
    }

    @Override
    protected List<String> knownKeys() {
        return List.of("@timestamp", "event", "kind", "type", "url", "domain", "url.domain", "http",
                "http.request.body.bytes", "request", "bytes", "user", "name", "gen_ai", "gen_ai.request.model");
    }

    @Override
    protected String timeField() {
        return "@timestamp";
    }
}
