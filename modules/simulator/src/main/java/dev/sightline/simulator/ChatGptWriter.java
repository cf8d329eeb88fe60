package dev.sightline.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes ChatGPT Enterprise Compliance API records of the organisation's workspace: mostly single user messages as
 * the messages export returns them, some whole conversations (a list object with the user's message and the
 * assistant's reply). The one source with prompt text.
 */
final class ChatGptWriter {
    private static final List<String> TITLES = List.of("Customer reply draft", "Quarterly numbers", "Debugging help",
            "Meeting summary", "Translation", "Policy question", "Email rewrite", "Data cleanup");
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4o", "gpt-5", "o3");

    private final JsonOut json;
    private final String workspaceId;

    ChatGptWriter(JsonOut json, long seed) {
        this.json = json;
        this.workspaceId = "ws-" + Population.hex(new SplittableRandom(seed ^ 0xC4A7L), 8);
    }

    /**
     * @param fileName a file attached to the message, or null
     */
    byte[] write(Population.Member member, long millis, Prompt prompt, String fileName, SplittableRandom rng) {
        String conversationId = M365Writer.guid(rng);
        double createdAt = millis / 1000.0;
        boolean wholeConversation = rng.nextDouble() < 0.3;
        return json.write(g -> {
            if (!wholeConversation) {
                userMessage(g, member, conversationId, createdAt, prompt, fileName, rng, true);
                return;
            }
            g.writeStartObject();
            g.writeStringField("id", conversationId);
            g.writeStringField("workspace_id", workspaceId);
            g.writeStringField("user_id", member.chatGptUserId());
            g.writeStringField("user_email", member.user().upn());
            g.writeNumberField("created_at", (long) createdAt);
            g.writeNumberField("last_active_at", (long) createdAt + 9);
            g.writeStringField("title", SensitiveValues.pick(rng, TITLES));
            g.writeObjectFieldStart("messages");
            g.writeStringField("object", "list");
            g.writeArrayFieldStart("data");
            userMessage(g, member, conversationId, createdAt, prompt, fileName, rng, false);
            g.writeStartObject();
            g.writeStringField("id", "msg-" + Population.hex(rng, 20));
            g.writeNumberField("created_at", createdAt + 8.5);
            g.writeObjectFieldStart("author");
            g.writeStringField("role", "assistant");
            g.writeEndObject();
            g.writeStringField("model", SensitiveValues.pick(rng, MODELS));
            g.writeObjectFieldStart("content");
            g.writeStringField("content_type", "text");
            g.writeArrayFieldStart("parts");
            g.writeString("Here is a draft you can adapt.");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeBooleanField("has_more", false);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private void userMessage(JsonGenerator g, Population.Member member, String conversationId, double createdAt,
            Prompt prompt, String fileName, SplittableRandom rng, boolean standalone) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", "msg-" + Population.hex(rng, 20));
        if (standalone) {
            g.writeStringField("conversation_id", conversationId);
            g.writeStringField("user_id", member.chatGptUserId());
            g.writeStringField("user_email", member.user().upn());
            g.writeStringField("workspace_id", workspaceId);
        }
        g.writeNumberField("created_at", createdAt);
        g.writeObjectFieldStart("author");
        g.writeStringField("role", "user");
        g.writeNullField("tool_name");
        g.writeEndObject();
        g.writeObjectFieldStart("content");
        g.writeStringField("content_type", "text");
        g.writeArrayFieldStart("parts");
        g.writeString(prompt.text());
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("files");
        if (fileName != null) {
            g.writeStartObject();
            g.writeStringField("id", "file-" + Population.hex(rng, 22));
            g.writeStringField("name", fileName);
            g.writeNumberField("created_at", (long) createdAt - 3);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNullField("gpt_id");
        g.writeNullField("project_id");
        g.writeEndObject();
    }
}
