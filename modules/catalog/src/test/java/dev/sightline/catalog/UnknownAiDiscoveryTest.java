package dev.sightline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.catalog.Discovery.Candidate;
import dev.sightline.catalog.Discovery.Confidence;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnknownAiDiscoveryTest {
    static final UnknownAiDiscovery DISCOVERY = new UnknownAiDiscovery(Catalog.loadDefault());

    @ParameterizedTest(name = "{1} {2}:{3} -> {4}")
    @CsvSource({
        "llm.corp.example, POST, /v1/chat/completions, 443, OPENAI_COMPATIBLE",
        "llm.corp.example, POST, /api/v1/chat/completions, 443, OPENAI_COMPATIBLE",
        "llm.corp.example, POST, /openai/v1/responses, 443, OPENAI_COMPATIBLE",
        "vllm.internal, POST, /v1/embeddings, 8000, OPENAI_COMPATIBLE",
        "vllm.internal, POST, /v1/audio/transcriptions, 8000, OPENAI_COMPATIBLE",
        "vllm.internal, GET, /v1/models, 8000, OPENAI_MODEL_LIST",
        "proxy.corp.example, POST, /v1/messages, 443, ANTHROPIC_MESSAGES",
        "proxy.corp.example, POST, /v1beta/models/gemini-2.5-pro:generateContent, 443, GEMINI_GENERATE",
        "proxy.corp.example, POST, /v1beta/models/gemini-flash:streamGenerateContent?alt=sse, 443, GEMINI_GENERATE",
        "proxy.corp.example, POST, /v1/projects/p1/locations/us-central1/publishers/google/models/gemini:generateContent, 443, VERTEX_AI",
        "aoai.corp.example, POST, /openai/deployments/gpt4o/chat/completions, 443, AZURE_OPENAI",
        "br.corp.example, POST, /model/anthropic.claude-3-5-sonnet-20240620-v1:0/converse, 443, BEDROCK_RUNTIME",
        "br.corp.example, POST, /model/amazon.titan-text-express-v1/invoke, 443, BEDROCK_RUNTIME",
        "gpu-box.lan, POST, /api/generate, 11434, OLLAMA",
        "gpu-box.lan, GET, /api/tags, 11434, OLLAMA",
        "tools.corp.example, POST, /mcp, 443, MCP",
    })
    void flagsAiApiShapes(String host, String method, String path, int port, AiApiSignature expected) {
        Discovery d = DISCOVERY.discover(new RequestFacts(host, method, path, port, null, Map.of()));
        assertThat(d).isInstanceOfSatisfying(Candidate.class, c -> assertThat(c.signature()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0} {1} {2}:{3}")
    @CsvSource({
        "mail.google.com, GET, /mail/u/0/, 443",
        "mail.google.com, POST, /sync/u/0/i/s, 443",
        "docs.chatbot.com, GET, /docs/getting-started, 443",
        "www.gptw.org, GET, /, 443",
        "gptw.org, POST, /api/chat, 443",
        "botframework.example, POST, /api/messages, 443",
        "support.example, POST, /api/chat, 443",
        "app.example, POST, /api/generate, 443",
        "shop.example, GET, /v1/chat/completions, 443",
        "news.example, GET, /ai/gpt-5-launch, 443",
        "airline.example, POST, /v1/bookings, 443",
        "api.example, POST, /v2/messages, 443",
    })
    void leavesOrdinaryTrafficAlone(String host, String method, String path, int port) {
        assertThat(DISCOVERY.discover(new RequestFacts(host, method, path, port, null, Map.of())))
                .isInstanceOf(Discovery.NotAi.class);
    }

    @Test
    void cataloguedHostsAreNotCandidates() {
        Discovery d = DISCOVERY.discover(new RequestFacts("api.openai.com", "POST", "/v1/chat/completions"));
        assertThat(d).isInstanceOfSatisfying(Discovery.Catalogued.class,
                c -> assertThat(c.match().tool().id()).isEqualTo("openai-api"));
    }

    @Test
    void streamingAndSessionHeadersRaiseConfidence() {
        Candidate plain = (Candidate) DISCOVERY.discover(new RequestFacts("x.corp", "POST", "/v1/messages"));
        Candidate streamed = (Candidate) DISCOVERY.discover(
                new RequestFacts("x.corp", "POST", "/v1/messages", 443, "text/event-stream; charset=utf-8", Map.of()));
        assertThat(plain.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(streamed.confidence()).isEqualTo(Confidence.HIGH);
        Candidate mcp = (Candidate) DISCOVERY.discover(
                new RequestFacts("x.corp", "POST", "/rpc", 443, null, Map.of("mcp-session-id", "abc")));
        assertThat(mcp.signature()).isEqualTo(AiApiSignature.MCP);
        assertThat(mcp.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void unusableHostIsNotAi() {
        assertThat(DISCOVERY.discover(new RequestFacts("", "POST", "/v1/chat/completions")))
                .isInstanceOf(Discovery.NotAi.class);
    }
}
