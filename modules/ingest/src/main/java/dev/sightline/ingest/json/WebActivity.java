package dev.sightline.ingest.json;

import dev.sightline.model.Activity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The generic activity rules for web-proxy transactions (Zscaler, Netskope, ECS), applied in this order; the first that
 * matches wins:
 * <ol>
 *   <li>method {@code CONNECT} &rarr; TUNNEL (nothing inside the tunnel is visible);</li>
 *   <li>an uploaded file name is reported, or the vendor's activity label mentions upload/attach &rarr; UPLOAD;</li>
 *   <li>prompt text is reported, or the label mentions prompt/post/chat/message/query/ask &rarr; PROMPT;</li>
 *   <li>the label mentions login/logon/sign in &rarr; LOGIN;</li>
 *   <li>the path is an AI API signature of FORMATS.md (OpenAI-compatible, Anthropic, Gemini, Vertex, Azure OpenAI,
 *       Bedrock, Ollama) &rarr; API_CALL;</li>
 *   <li>method GET or HEAD &rarr; BROWSE;</li>
 *   <li>anything else &rarr; OTHER.</li>
 * </ol>
 */
public final class WebActivity {
    private static final List<String> UPLOAD_WORDS = List.of("upload", "attach");
    private static final List<String> PROMPT_WORDS = List.of("prompt", "post", "chat", "message", "query", "ask");
    private static final List<String> LOGIN_WORDS = List.of("login", "logon", "log in", "sign in", "signin");

    private static final Pattern AI_API_PATH = Pattern.compile(
            "(?:/api|/openai)?/v1/(?:chat/completions|completions|responses|embeddings|images/generations"
                    + "|audio/transcriptions|models|messages)/?"
                    + "|/v1(?:beta)?/models/[^/]+:(?:generateContent|streamGenerateContent)"
                    + "|/v1/projects/[^/]+/locations/[^/]+/publishers/[^/]+/models/[^/]+:(?:generateContent"
                    + "|streamGenerateContent)"
                    + "|/openai/deployments/[^/]+/(?:chat/completions|completions|embeddings)"
                    + "|/model/[^/]+/(?:converse|converse-stream|invoke|invoke-with-response-stream)"
                    + "|/api/(?:generate|chat|embed|embeddings|tags)");

    private WebActivity() {
    }

    public static Activity infer(Optional<String> method, String path, Optional<String> vendorActivity,
            boolean promptReported, boolean fileReported) {
        String verb = method.map(m -> m.toUpperCase(Locale.ROOT)).orElse("");
        String label = vendorActivity.map(a -> a.toLowerCase(Locale.ROOT)).orElse("");
        if (verb.equals("CONNECT")) {
            return Activity.TUNNEL;
        }
        if (fileReported || mentions(label, UPLOAD_WORDS)) {
            return Activity.UPLOAD;
        }
        if (promptReported || mentions(label, PROMPT_WORDS)) {
            return Activity.PROMPT;
        }
        if (mentions(label, LOGIN_WORDS)) {
            return Activity.LOGIN;
        }
        if (isAiApiPath(path)) {
            return Activity.API_CALL;
        }
        if (verb.equals("GET") || verb.equals("HEAD")) {
            return Activity.BROWSE;
        }
        return Activity.OTHER;
    }

    public static boolean isAiApiPath(String path) {
        return path != null && AI_API_PATH.matcher(path).matches();
    }

    private static boolean mentions(String label, List<String> words) {
        return !label.isEmpty() && words.stream().anyMatch(label::contains);
    }
}
