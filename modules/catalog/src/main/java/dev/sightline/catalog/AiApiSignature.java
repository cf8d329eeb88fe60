package dev.sightline.catalog;

/** Request shapes of well-known AI APIs, by which an uncatalogued host is recognised as an AI service. */
public enum AiApiSignature {
    OPENAI_COMPATIBLE("OpenAI-compatible API (/v1/chat/completions, /v1/responses, /v1/embeddings …)"),
    OPENAI_MODEL_LIST("OpenAI-compatible model list (GET /v1/models)"),
    ANTHROPIC_MESSAGES("Anthropic Messages API (POST /v1/messages)"),
    GEMINI_GENERATE("Gemini API (models/{m}:generateContent)"),
    VERTEX_AI("Vertex AI (projects/*/locations/*/publishers/*/models/*:generateContent)"),
    AZURE_OPENAI("Azure OpenAI deployment (/openai/deployments/{d}/…)"),
    BEDROCK_RUNTIME("Amazon Bedrock runtime (/model/{id}/converse | invoke)"),
    OLLAMA("Ollama API on port 11434 (/api/generate, /api/chat, /api/embed, /api/tags)"),
    MCP("Model Context Protocol endpoint (JSON-RPC to /mcp, Mcp-Session-Id)");

    private final String description;

    AiApiSignature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
