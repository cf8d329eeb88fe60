package dev.sightline.ingest.chatgpt;

import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.json.ParserRobustnessProperties;
import dev.sightline.ingest.json.Samples;
import java.util.List;

class ChatGptComplianceParserPropertiesTest extends ParserRobustnessProperties {
    @Override
    protected RecordParser parser() {
        return new ChatGptComplianceParser(ParserOptions.defaults());
    }

    @Override
    protected List<String> validSamples() {
        return Samples.lines("chatgpt-compliance", "conversations.jsonl");
    }

    @Override
    protected List<String> knownKeys() {
        return List.of("id", "created_at", "author", "role", "content", "parts", "text", "files", "messages",
                "data", "user_email", "workspace_id", "conversation_id");
    }

    @Override
    protected boolean elementsMayExpand() {
        return true;
    }

    @Override
    protected String timeField() {
        return "created_at";
    }
}
