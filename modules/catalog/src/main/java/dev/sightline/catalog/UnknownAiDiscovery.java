package dev.sightline.catalog;

import dev.sightline.catalog.Discovery.Candidate;
import dev.sightline.catalog.Discovery.Confidence;
import dev.sightline.catalog.HostNormalizer.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Flags AI services missing from the catalog by the shape of their API requests (FORMATS.md, "AI API signatures").
 * Judges by method, path, port, content type and headers only — never by words in the host name, so
 * {@code mail.google.com}, a chatbot-docs site or {@code gptw.org} are not flagged for their names.
 */
public final class UnknownAiDiscovery {
    static final int OLLAMA_PORT = 11434;
    private static final Set<String> OPENAI_ENDPOINTS = Set.of(
            "chat/completions", "completions", "responses", "embeddings", "images/generations", "images/edits",
            "audio/transcriptions", "audio/translations", "audio/speech", "moderations");
    private static final Set<String> OLLAMA_ENDPOINTS = Set.of(
            "generate", "chat", "embed", "embeddings", "tags", "show", "pull", "ps");
    private static final Set<String> BEDROCK_ACTIONS = Set.of(
            "converse", "converse-stream", "invoke", "invoke-with-response-stream");
    private static final Set<String> GEMINI_METHODS = Set.of(
            "generatecontent", "streamgeneratecontent", "embedcontent", "batchembedcontents", "counttokens");

    private final Catalog catalog;

    public UnknownAiDiscovery(Catalog catalog) {
        this.catalog = catalog;
    }

    public Discovery discover(RequestFacts request) {
        MatchResult known = catalog.match(request.host(), pathOf(request));
        if (known instanceof MatchResult.Matched m) {
            return new Discovery.Catalogued(m);
        }
        return bySignature(request);
    }

    /**
     * Judges a request by its API signature alone, without a catalog lookup: for callers that have matched the host
     * against their own copy of the catalog first (see {@link HostMatcher}). Returns a {@link Candidate} or
     * {@link Discovery.NotAi}.
     */
    public static Discovery bySignature(RequestFacts request) {
        if (!(HostNormalizer.normalize(request.host()) instanceof Target target)) {
            return Discovery.NotAi.INSTANCE;
        }
        Candidate candidate = signature(target.host(), request, segments(pathOf(request)));
        return candidate == null ? Discovery.NotAi.INSTANCE : candidate;
    }

    private static String pathOf(RequestFacts request) {
        return request.path() == null || request.path().isEmpty() ? "/" : request.path();
    }

    private static Candidate signature(String host, RequestFacts request, List<String> seg) {
        String method = request.method() == null ? null : request.method().toUpperCase(Locale.ROOT);
        boolean post = method == null || method.equals("POST");
        boolean get = method == null || method.equals("GET");
        boolean streaming = request.contentType() != null
                && request.contentType().toLowerCase(Locale.ROOT).startsWith("text/event-stream");
        int n = seg.size();
        String last = n == 0 ? "" : seg.get(n - 1);

        if (request.hasHeader("Mcp-Session-Id")) {
            return new Candidate(host, AiApiSignature.MCP, Confidence.HIGH);
        }
        int deployments = seg.indexOf("deployments");
        if (post && deployments > 0 && seg.get(deployments - 1).equals("openai") && n > deployments + 2
                && OPENAI_ENDPOINTS.contains(String.join("/", seg.subList(deployments + 2, n)))) {
            return new Candidate(host, AiApiSignature.AZURE_OPENAI, Confidence.HIGH);
        }
        int colon = last.lastIndexOf(':');
        String rpc = colon > 0 ? last.substring(colon + 1) : "";
        if (post && colon > 0 && n >= 9 && seg.get(n - 9 + 1).equals("projects") && seg.get(n - 9 + 3).equals("locations")
                && seg.get(n - 9 + 5).equals("publishers") && seg.get(n - 2).equals("models")) {
            return new Candidate(host, AiApiSignature.VERTEX_AI, Confidence.HIGH);
        }
        if (post && n >= 3 && seg.get(n - 2).equals("models") && GEMINI_METHODS.contains(rpc)) {
            return new Candidate(host, AiApiSignature.GEMINI_GENERATE, Confidence.HIGH);
        }
        if (post && n == 3 && seg.get(0).equals("model") && BEDROCK_ACTIONS.contains(last)) {
            return new Candidate(host, AiApiSignature.BEDROCK_RUNTIME, Confidence.HIGH);
        }
        if (request.port() == OLLAMA_PORT && n == 2 && seg.get(0).equals("api") && OLLAMA_ENDPOINTS.contains(last)) {
            return new Candidate(host, AiApiSignature.OLLAMA, Confidence.HIGH);
        }
        int v1 = seg.lastIndexOf("v1");
        if (v1 >= 0) {
            String endpoint = String.join("/", seg.subList(v1 + 1, n));
            if (post && OPENAI_ENDPOINTS.contains(endpoint)) {
                boolean distinctive = endpoint.contains("/") || streaming;
                return new Candidate(host, AiApiSignature.OPENAI_COMPATIBLE,
                        distinctive ? Confidence.HIGH : Confidence.MEDIUM);
            }
            if (post && endpoint.equals("messages") || post && endpoint.equals("messages/count_tokens")) {
                return new Candidate(host, AiApiSignature.ANTHROPIC_MESSAGES,
                        streaming || endpoint.endsWith("count_tokens") ? Confidence.HIGH : Confidence.MEDIUM);
            }
            if (get && endpoint.equals("models") && method != null) {
                return new Candidate(host, AiApiSignature.OPENAI_MODEL_LIST, Confidence.LOW);
            }
        }
        if (post && last.equals("mcp")) {
            return new Candidate(host, AiApiSignature.MCP, Confidence.MEDIUM);
        }
        return null;
    }

    /** Lower-case path segments without empty ones; the query and fragment are dropped. */
    static List<String> segments(String path) {
        int cut = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '?' || c == '#') {
                cut = i;
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : path.substring(0, cut).toLowerCase(Locale.ROOT).split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
