package dev.sightline.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The long tail of destinations, each list in order of popularity (Zipf). Host names of AI services are the real
 * ones; organisation hosts live under the configured domain; a few AI services are deliberately absent from any
 * catalog (an internal OpenAI-compatible gateway, small third-party inference APIs) so that discovery has work.
 */
final class Destinations {
    private static final double ZIPF_EXPONENT = 1.05;

    private final List<Destination> ai;
    private final List<Destination> web;
    private final double[] aiCumulative;
    private final double[] webCumulative;

    Destinations(String orgDomain) {
        String tenant = orgDomain.split("\\.")[0].replace("-", "");
        ai = List.of(
                Destination.chat("chatgpt.com", "ChatGPT", "/backend-api/conversation", "/backend-api/files",
                        "/", "/c/*", "/gpts", "/backend-api/models").asSanctioned(),
                Destination.api("api.openai.com", "OpenAI", Category.AI_API, "/v1/chat/completions", "gpt-4o"),
                Destination.chat("copilot.microsoft.com", "Microsoft Copilot", "/c/api/conversations",
                        "/c/api/attachments", "/", "/chats/*").asSanctioned(),
                Destination.chat("gemini.google.com", "Google Gemini",
                        "/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate",
                        "/_/upload/files", "/app", "/app/*"),
                Destination.chat("claude.ai", "Claude", "/api/organizations/*/chat_conversations/*/completion",
                        "/api/*/upload", "/new", "/chat/*", "/recents"),
                Destination.api("api.githubcopilot.com", "GitHub Copilot", Category.AI_CODE, "/chat/completions",
                        "gpt-4o").asSanctioned(),
                Destination.api("api.anthropic.com", "Anthropic", Category.AI_API, "/v1/messages",
                        "claude-sonnet-4-5"),
                Destination.chat("www.perplexity.ai", "Perplexity", "/rest/sse/perplexity_ask", "/rest/uploads",
                        "/", "/search/*", "/discover"),
                Destination.chat("chat.openai.com", "ChatGPT", "/backend-api/conversation", "/backend-api/files",
                        "/", "/c/*"),
                new Destination("llm-gateway." + orgDomain, "-", Category.AI_API, false, true,
                        List.of("/v1/models"), null, null, "/v1/chat/completions", "/sso/login", "gpt-4o-mini"),
                Destination.site("huggingface.co", "Hugging Face", Category.AI_MODEL_HUB, "/models",
                        "/meta-llama/Llama-3.1-8B-Instruct", "/spaces", "/datasets",
                        "/mistralai/Mistral-7B-Instruct-v0.3/resolve/main/model.safetensors"),
                Destination.feature("www.notion.so", "Notion AI", "/api/v3/runInferenceTranscript"),
                Destination.api("api2.cursor.sh", "Cursor", Category.AI_CODE,
                        "/aiserver.v1.ChatService/StreamUnifiedChatWithTools", "claude-sonnet-4-5"),
                Destination.chat("chat.deepseek.com", "DeepSeek", "/api/v0/chat/completion", "/api/v0/file/upload_file",
                        "/", "/a/chat/s/*").asBlocked(),
                Destination.api("generativelanguage.googleapis.com", "Google AI Studio", Category.AI_API,
                        "/v1beta/models/gemini-2.5-flash:generateContent", "gemini-2.5-flash"),
                Destination.chat("chat.mistral.ai", "Le Chat", "/api/chat", "/api/files", "/chat", "/chat/*"),
                Destination.site("otter.ai", "Otter.ai", Category.AI_NOTES, "/home", "/u/*"),
                Destination.feature(tenant + ".atlassian.net", "Atlassian Intelligence",
                        "/gateway/api/assist/chat/v1/invoke_agent"),
                new Destination(tenant + "-aoai.openai.azure.com", "Azure OpenAI", Category.AI_API, false, true,
                        List.of("/openai/models"), null, null, "/openai/deployments/gpt-4o-prod/chat/completions",
                        "/oauth2/authorize", "gpt-4o"),
                Destination.chat("poe.com", "Poe", "/api/gql_POST", "/api/file_upload", "/", "/chat/*")
                        .asBlocked(),
                Destination.media("www.midjourney.com", "Midjourney", "/api/app/submit-jobs", "/explore",
                        "/imagine"),
                Destination.api("server.codeium.com", "Windsurf", Category.AI_CODE,
                        "/exa.language_server_pb.LanguageServerService/GetChatMessage", null),
                Destination.chat("grok.com", "Grok", "/rest/app-chat/conversations/new", "/rest/app-chat/upload-file",
                        "/", "/chat/*"),
                Destination.media("api.elevenlabs.io", "ElevenLabs", "/v1/text-to-speech/*", "/v1/voices"),
                Destination.site("app.fireflies.ai", "Fireflies.ai", Category.AI_NOTES, "/notebook", "/view/*"),
                Destination.api("api.mistral.ai", "Mistral AI", Category.AI_API, "/v1/chat/completions",
                        "mistral-large-latest"),
                Destination.feature("www.canva.com", "Canva Magic Studio", "/_ajax/magic-write/generate"),
                Destination.chat("www.meta.ai", "Meta AI", "/api/graphql", null, "/", "/c/*"),
                Destination.chat("character.ai", "Character.AI", "/chat/streaming", null, "/", "/chat/*")
                        .asBlocked(),
                Destination.api("openrouter.ai", "OpenRouter", Category.AI_API, "/api/v1/chat/completions",
                        "meta-llama/llama-3.3-70b-instruct"),
                Destination.media("app.runwayml.com", "Runway", "/v1/tasks", "/video-tools"),
                Destination.api("api.groq.com", "Groq", Category.AI_API, "/openai/v1/chat/completions",
                        "llama-3.3-70b-versatile"),
                Destination.site("app.read.ai", "Read AI", Category.AI_NOTES, "/analytics/meetings", "/reports/*"),
                Destination.chat("chat.qwen.ai", "Qwen Chat", "/api/chat/completions", "/api/v1/files/", "/",
                        "/c/*"),
                Destination.api("bedrock-runtime.us-east-1.amazonaws.com", "Amazon Bedrock", Category.AI_API,
                        "/model/anthropic.claude-3-5-sonnet-20240620-v1:0/converse", "claude-3-5-sonnet"),
                Destination.chat("kimi.moonshot.cn", "Kimi", "/api/chat/*/completion/stream", "/api/pre-sign-url",
                        "/", "/chat/*").asBlocked(),
                Destination.api("api.deepseek.com", "DeepSeek", Category.AI_API, "/chat/completions",
                        "deepseek-chat").asBlocked(),
                Destination.media("suno.com", "Suno", "/api/generate/v2/", "/create"),
                Destination.chat("www.doubao.com", "Doubao", "/samantha/chat/completion", null, "/chat/")
                        .asBlocked(),
                Destination.api("api.cohere.com", "Cohere", Category.AI_API, "/v2/chat", "command-r-plus"),
                Destination.chat("yiyan.baidu.com", "ERNIE Bot", "/eb/chat/conversation/v2", null, "/"),
                Destination.site("tldv.io", "tl;dv", Category.AI_NOTES, "/app/meetings"),
                Destination.api("inference.parrotlabs.dev", "-", Category.AI_API, "/v1/chat/completions",
                        "parrot-70b"),
                Destination.chat("app.aleph-alpha.com", "Aleph Alpha", "/api/chat", null, "/"),
                Destination.media("ideogram.ai", "Ideogram", "/api/images/sample", "/t/explore"),
                Destination.api("api.lumenrouter.ai", "-", Category.AI_API, "/api/v1/chat/completions",
                        "lumen-large"),
                Destination.chat("clova-x.naver.com", "CLOVA X", "/api/chat", null, "/"),
                new Destination("ollama.ml-lab." + orgDomain, "-", Category.AI_API, false, false,
                        List.of("/api/tags"), null, null, "/api/chat", "/login", "llama3.1:8b"));
        web = List.of(
                Destination.site("www.google.com", "Google Search", Category.SEARCH, "/search?q=*", "/"),
                Destination.site("outlook.office.com", "Outlook", Category.WEBMAIL, "/mail/", "/mail/inbox/id/*")
                        .asSanctioned(),
                Destination.site("teams.microsoft.com", "Microsoft Teams", Category.COLLABORATION, "/v2/",
                        "/api/chatsvc/*").asSanctioned(),
                Destination.site(tenant + ".sharepoint.com", "SharePoint", Category.COLLABORATION,
                        "/sites/Finance/Shared%20Documents/Forms/AllItems.aspx", "/sites/Engineering",
                        "/_api/web/lists").asSanctioned(),
                Destination.site("intranet." + orgDomain, "-", Category.INTRANET, "/", "/hr/benefits", "/news/*"),
                Destination.site("login.microsoftonline.com", "Microsoft Entra ID", Category.IDENTITY,
                        "/common/oauth2/v2.0/authorize"),
                Destination.site("fonts.gstatic.com", "-", Category.CDN, "/s/roboto/v30/KFOmCnqEu92Fr1Mu4mxK.woff2"),
                Destination.site("github.com", "GitHub", Category.DEVELOPER, "/", "/pulls", "/*/*/issues")
                        .asSanctioned(),
                Destination.site("www.youtube.com", "YouTube", Category.SOCIAL, "/", "/watch?v=*"),
                Destination.site("www.linkedin.com", "LinkedIn", Category.SOCIAL, "/feed/", "/in/*"),
                Destination.site("cdn.jsdelivr.net", "-", Category.CDN, "/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css"),
                Destination.site("stackoverflow.com", "Stack Overflow", Category.DEVELOPER, "/questions/*",
                        "/search?q=*"),
                Destination.site("app.slack.com", "Slack", Category.COLLABORATION, "/client/*").asSanctioned(),
                Destination.site("wiki." + orgDomain, "-", Category.INTRANET, "/display/ENG/Runbooks",
                        "/pages/viewpage.action?pageId=*"),
                Destination.site("en.wikipedia.org", "Wikipedia", Category.NEWS, "/wiki/*"),
                Destination.site("www.bbc.co.uk", "BBC", Category.NEWS, "/news", "/news/articles/*"),
                Destination.site("zoom.us", "Zoom", Category.COLLABORATION, "/j/*", "/wc/*").asSanctioned(),
                Destination.site(tenant + ".my.salesforce.com", "Salesforce", Category.COLLABORATION,
                        "/lightning/page/home", "/lightning/r/Account/*/view").asSanctioned(),
                Destination.site("ajax.googleapis.com", "-", Category.CDN, "/ajax/libs/jquery/3.7.1/jquery.min.js"),
                Destination.site("www.reuters.com", "Reuters", Category.NEWS, "/business/", "/technology/*"),
                Destination.site("drive.google.com", "Google Drive", Category.COLLABORATION, "/drive/my-drive",
                        "/file/d/*/view"),
                Destination.site("jira." + orgDomain, "-", Category.INTRANET, "/browse/ENG-*", "/secure/Dashboard.jspa"),
                Destination.site("www.dropbox.com", "Dropbox", Category.COLLABORATION, "/home", "/s/*"),
                Destination.site("news.ycombinator.com", "Hacker News", Category.NEWS, "/news", "/item?id=*"),
                Destination.site("www.nytimes.com", "New York Times", Category.NEWS, "/", "/section/technology"),
                Destination.site("cdnjs.cloudflare.com", "-", Category.CDN, "/ajax/libs/font-awesome/6.5.1/css/all.min.css"),
                Destination.site("mail.google.com", "Gmail", Category.WEBMAIL, "/mail/u/0/"),
                Destination.site("www.amazon.com", "Amazon", Category.SHOPPING, "/", "/dp/*"),
                Destination.site("secure.chase.com", "Chase", Category.FINANCE_HEALTH, "/web/auth/dashboard"),
                Destination.site("docs.oracle.com", "Oracle Docs", Category.DEVELOPER, "/en/java/javase/17/docs/api/"),
                Destination.site("www.mayoclinic.org", "Mayo Clinic", Category.FINANCE_HEALTH,
                        "/diseases-conditions/*"),
                Destination.site("www.espn.com", "ESPN", Category.NEWS, "/", "/nfl/story/_/id/*"),
                Destination.site("registry.npmjs.org", "npm", Category.DEVELOPER, "/react", "/@types/node"),
                Destination.site("weather.com", "Weather", Category.NEWS, "/weather/today/l/*"),
                Destination.site("www.paypal.com", "PayPal", Category.FINANCE_HEALTH, "/myaccount/summary"));
        aiCumulative = Sampling.zipfCumulative(ai.size(), ZIPF_EXPONENT);
        webCumulative = Sampling.zipfCumulative(web.size(), ZIPF_EXPONENT);
    }

    Destination pickAi(SplittableRandom rng) {
        return ai.get(Sampling.index(aiCumulative, rng.nextDouble() * Sampling.total(aiCumulative)));
    }

    Destination pickWeb(SplittableRandom rng) {
        return web.get(Sampling.index(webCumulative, rng.nextDouble() * Sampling.total(webCumulative)));
    }
}
