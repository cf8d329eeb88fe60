package dev.sightline.ingest.netskope;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.json.ParserRobustnessProperties;
import dev.sightline.ingest.json.Samples;
import java.util.List;

class NetskopeParserPropertiesTest extends ParserRobustnessProperties {
    @Override
    protected RecordParser parser() {
        return new NetskopeParser(ParserOptions.defaults());
    }

    @Override
    protected List<String> validSamples() {
        return Samples.lines("netskope", "transactions.jsonl");
    }

    @Override
    protected List<String> knownKeys() {
        return List.of("date", "time", "x-cs-timestamp", "cs-host", "cs-uri", "x-cs-url", "x-cs-sni", "cs-method",
                "cs-bytes", "sc-bytes", "sc-status", "x-cs-app-tags", "x-policy-action", "cs-uri-port");
    }

    @Override
    protected String timeField() {
        return "date";
    }
}
