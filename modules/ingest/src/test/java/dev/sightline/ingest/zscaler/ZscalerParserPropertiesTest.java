package dev.sightline.ingest.zscaler;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.json.ParserRobustnessProperties;
import dev.sightline.ingest.json.Samples;
import java.util.List;

class ZscalerParserPropertiesTest extends ParserRobustnessProperties {
    @Override
    protected RecordParser parser() {
        return new ZscalerParser(ParserOptions.defaults());
    }

    @Override
    protected List<String> validSamples() {
        return Samples.lines("zscaler", "web.jsonl");
    }

    @Override
    protected List<String> knownKeys() {
        return List.of("sourcetype", "event", "datetime", "event_id", "hostname", "url", "requestmethod", "status",
                "requestsize", "responsesize", "action", "prompt_req", "upload_filename", "inst_level1_type",
                "inst_level1_id", "user", "protocol", "srv_dport");
    }

    @Override
    protected String timeField() {
        return "datetime";
    }
}
