package dev.sightline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShippedCatalogTest {
    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = Catalog.loadDefault();
    }

    @Test
    void catalogIsVersionedAndDated() {
        assertThat(catalog.version()).isNotBlank();
        assertThat(catalog.date()).isNotNull();
    }

    @Test
    void coverage() {
        assertThat(catalog.tools()).hasSizeGreaterThanOrEqualTo(ShippedCatalogFigures.MIN_TOOLS);
        assertThat(catalog.hostPatternCount()).isGreaterThanOrEqualTo(ShippedCatalogFigures.MIN_PATTERNS);
        Set<Category> categories = catalog.tools().stream().map(AiTool::category).collect(Collectors.toSet());
        assertThat(categories).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Category.class));
        Set<Region> regions = catalog.tools().stream().map(t -> t.country().region()).collect(Collectors.toSet());
        assertThat(regions).contains(Region.NORTH_AMERICA, Region.EUROPE, Region.CHINA, Region.KOREA, Region.JAPAN,
                Region.INDIA, Region.RUSSIA);
    }

    @Test
    void noHostPatternIsClaimedTwice() {
        Map<HostPattern, String> owner = new HashMap<>();
        for (AiTool tool : catalog.tools()) {
            for (HostPattern p : tool.hosts()) {
                assertThat(owner.put(p, tool.id())).as("pattern %s", p).isNull();
            }
        }
    }

    /** A shipped fact cites the page(s) it was read from: one or more https URLs, separated by " ; ". */
    private static final Pattern URL_SOURCES = Pattern.compile("https://[^\\s;]+( ; https://[^\\s;]+)*");

    @Test
    void everyKnownRiskFactCitesTheUrlItWasReadFromAndADate() {
        int facts = 0;
        for (AiTool tool : catalog.tools()) {
            for (Sourced<?> fact : attributes(tool.risk())) {
                if (fact.value().known()) {
                    facts++;
                    assertThat(fact.source()).as(tool.id()).matches(URL_SOURCES);
                    assertThat(fact.date()).as(tool.id()).isNotNull().isBeforeOrEqualTo(catalog.date());
                } else {
                    assertThat(fact.source()).as("an unknown %s fact cites nothing", tool.id()).isNull();
                }
            }
            assertThat(tool.riskScore()).isBetween(0, 100);
        }
        assertThat(facts).isGreaterThan(0);
    }

    private static List<Sourced<?>> attributes(RiskProfile r) {
        return List.of(r.trainingFree(), r.trainingBusiness(), r.retention(), r.enterpriseTier(), r.sso(),
                r.certifications(), r.corporateInstance());
    }

    @Test
    void everyCatalogueHostMatchesItsOwnTool() {
        for (AiTool tool : catalog.tools()) {
            for (HostPattern p : tool.hosts()) {
                String host = switch (p.kind()) {
                    case EXACT -> p.host();
                    case SUFFIX -> "probe." + p.host();
                    case WILDCARD -> p.host().replace("*", "probe");
                };
                String path = p.hasPath() ? p.pathPrefix() + "/x" : "/";
                assertThat(catalog.match(host, path).matchedTool().map(AiTool::id)).as(p.toString()).contains(tool.id());
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "chatgpt.com, chatgpt",
        "chat.openai.com, chatgpt",
        "https://chatgpt.com/c/6650-abc, chatgpt",
        "https://chatgpt.com/codex/tasks, openai-codex",
        "sora.chatgpt.com, sora",
        "cdn.oaistatic.com, chatgpt",
        "api.openai.com, openai-api",
        "platform.openai.com, openai-api",
        "claude.ai, claude",
        "https://claude.ai/code, claude-code",
        "api.anthropic.com, anthropic-api",
        "gemini.google.com, gemini",
        "aistudio.google.com, google-ai-studio",
        "generativelanguage.googleapis.com, google-ai-studio",
        "us-central1-aiplatform.googleapis.com, vertex-ai",
        "notebooklm.google.com, notebooklm",
        "copilot.microsoft.com, microsoft-copilot",
        "https://www.bing.com/chat?q=hi, microsoft-copilot",
        "https://m365.cloud.microsoft/chat, m365-copilot",
        "acme-eastus.openai.azure.com, azure-openai",
        "bedrock-runtime.eu-central-1.amazonaws.com, amazon-bedrock",
        "api.githubcopilot.com, github-copilot",
        "api.business.githubcopilot.com, github-copilot",
        "https://github.com/copilot, github-copilot",
        "huggingface.co, huggingface",
        "https://huggingface.co/chat/, huggingchat",
        "api-inference.huggingface.co, huggingface-inference",
        "chat.deepseek.com, deepseek",
        "api.deepseek.com, deepseek-api",
        "poe.com, poe",
        "perplexity.ai, perplexity",
        "www.perplexity.ai, perplexity",
        "api.perplexity.ai, perplexity-api",
        "chat.mistral.ai, le-chat",
        "api.mistral.ai, mistral-api",
        "grok.com, grok",
        "https://x.com/i/grok?conversation=1, grok",
        "www.meta.ai, meta-ai",
        "kimi.moonshot.cn, kimi",
        "chat.qwen.ai, qwen-chat",
        "www.doubao.com, doubao",
        "cursor.com, cursor",
        "www.midjourney.com, midjourney",
        "elevenlabs.io, elevenlabs",
        "api.elevenlabs.io, elevenlabs-api",
        "www.deepl.com, deepl",
        "api-free.deepl.com, deepl-api",
        "https://www.deepl.com/write, deepl-write",
        "character.ai, character-ai",
        "openrouter.ai, openrouter",
        "gateway.ai.cloudflare.com, cloudflare-ai-gateway",
        "otter.ai, otter",
        "clova-x.naver.com, hyperclova-x",
        "giga.chat, gigachat",
        "notta.ai, notta",
        "chat.olakrutrim.com, krutrim",
    })
    void wellKnownHosts(String input, String expected) {
        assertThat(catalog.match(input).matchedTool().map(AiTool::id)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mail.google.com", "www.google.com", "docs.google.com", "outlook.office365.com", "github.com",
        "www.gptw.org", "gptw.org", "docs.chatbot.com", "www.bing.com", "x.com", "www.notion.so",
        "aws.amazon.com", "s3.amazonaws.com", "www.microsoft.com", "openai.com.evil.example", "maiil.com",
        "console.cloud.google.com", "labs.google.evil.com",
    })
    void ordinaryHostsDoNotMatch(String host) {
        assertThat(catalog.match(host).matched()).isFalse();
    }
}
