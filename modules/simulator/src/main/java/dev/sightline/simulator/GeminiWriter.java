package dev.sightline.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes Google Workspace Admin SDK Reports API activities: Gemini in Workspace apps ({@code feature_utilization}),
 * and OAuth grants ({@code token} authorize) to third-party AI apps such as meeting note-takers.
 */
final class GeminiWriter {
    private static final List<String> APPS = List.of("docs", "docs", "gmail", "gmail", "gmail", "sheets", "slides",
            "meet", "drive", "gemini_app", "gemini_app");
    private static final List<String> ACTIONS = List.of("generate_text", "summarize", "help_me_write",
            "refine_text", "ask_about_document", "generate_image", "summarize_proactive", "suggest_reply");
    private static final List<String> SOURCES = List.of("side_panel", "inline", "chip", "gemini_app");
    /** Third-party AI apps people grant Workspace access: name and OAuth client id. */
    private static final List<String[]> AI_APPS = List.of(
            new String[] {"Otter.ai", "1049286712233-otter.apps.googleusercontent.com"},
            new String[] {"Fireflies.ai", "801522947261-fireflies.apps.googleusercontent.com"},
            new String[] {"Read AI", "330917456102-readai.apps.googleusercontent.com"},
            new String[] {"ChatGPT", "276437501815-chatgpt.apps.googleusercontent.com"},
            new String[] {"Claude", "913366108844-claude.apps.googleusercontent.com"});

    /** The record and what it shows: a prompted Gemini feature, a proactive one (OTHER) or an OAuth grant (LOGIN). */
    record Written(byte[] value, Intent intent) {
    }

    private final JsonOut json;
    private final TimeText time;
    private final String customerId;
    private final StringBuilder sb = new StringBuilder(32);

    GeminiWriter(JsonOut json, TimeText time, long seed) {
        this.json = json;
        this.time = time;
        this.customerId = "C0" + Population.hex(new SplittableRandom(seed ^ 0x6E61L), 7);
    }

    Written write(Population.Member member, String ipAddress, long millis, SplittableRandom rng) {
        boolean grant = rng.nextDouble() < 0.12;
        String action = SensitiveValues.pick(rng, ACTIONS);
        boolean proactive = action.endsWith("_proactive") || action.startsWith("suggest");
        String[] app = SensitiveValues.pick(rng, AI_APPS);
        byte[] value = json.write(g -> {
            g.writeStartObject();
            g.writeStringField("kind", "admin#reports#activity");
            g.writeObjectFieldStart("id");
            sb.setLength(0);
            g.writeStringField("time", time.isoMillis(sb, millis).toString());
            g.writeStringField("uniqueQualifier", Long.toString(rng.nextLong()));
            g.writeStringField("applicationName", grant ? "token" : "gemini_in_workspace_apps");
            g.writeStringField("customerId", customerId);
            g.writeEndObject();
            g.writeObjectFieldStart("actor");
            g.writeStringField("callerType", "USER");
            g.writeStringField("email", member.user().upn());
            g.writeEndObject();
            g.writeStringField("ipAddress", ipAddress);
            g.writeArrayFieldStart("events");
            g.writeStartObject();
            if (grant) {
                g.writeStringField("type", "auth");
                g.writeStringField("name", "authorize");
                g.writeArrayFieldStart("parameters");
                parameter(g, "client_id", app[1]);
                parameter(g, "app_name", app[0]);
                parameter(g, "client_type", "WEB");
                g.writeStartObject();
                g.writeStringField("name", "scope");
                g.writeArrayFieldStart("multiValue");
                g.writeString("https://www.googleapis.com/auth/calendar.readonly");
                g.writeString("https://www.googleapis.com/auth/drive.readonly");
                g.writeString("openid");
                g.writeEndArray();
                g.writeEndObject();
            } else {
                g.writeStringField("type", "ai_usage_event");
                g.writeStringField("name", "feature_utilization");
                g.writeArrayFieldStart("parameters");
                parameter(g, "app_name", SensitiveValues.pick(rng, APPS));
                parameter(g, "action", action);
                parameter(g, "event_category", proactive ? "passive" : "active");
                parameter(g, "feature_source", SensitiveValues.pick(rng, SOURCES));
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
        return new Written(value, grant ? Intent.LOGIN : proactive ? Intent.OTHER : Intent.PROMPT);
    }

    private static void parameter(JsonGenerator g, String name, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("value", value);
        g.writeEndObject();
    }
}
