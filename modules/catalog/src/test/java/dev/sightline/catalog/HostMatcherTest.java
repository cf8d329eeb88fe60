package dev.sightline.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostMatcherTest {
    private static HostMatcher.Rule<String> rule(String pattern, String tool) {
        return new HostMatcher.Rule<>(HostPattern.parse(pattern), tool, tool + "@" + pattern);
    }

    private final HostMatcher<String> matcher = HostMatcher.of(List.of(
            rule("chatgpt.com", "chatgpt"), rule(".chatgpt.com", "chatgpt"), rule("chatgpt.com/codex", "codex"),
            rule("*.openai.azure.com", "azure-openai")));

    @Test
    void appliesTheCatalogPrecedenceAndPathRules() {
        assertThat(matcher.match("chatgpt.com", "/c/1")).contains("chatgpt@chatgpt.com");
        assertThat(matcher.match("Files.ChatGPT.com.", null)).contains("chatgpt@.chatgpt.com");
        assertThat(matcher.match("chatgpt.com", "/codex/tasks")).contains("codex@chatgpt.com/codex");
        assertThat(matcher.match("acme.openai.azure.com:443", "/")).contains("azure-openai@*.openai.azure.com");
        assertThat(matcher.match("example.com", "/")).isEmpty();
        assertThat(matcher.match("a..b", "/")).isEmpty();
        assertThat(matcher.match(null, "/")).isEmpty();
        assertThat(matcher.size()).isEqualTo(4);
    }

    @Test
    void refusesAPatternClaimedTwice() {
        assertThatThrownBy(() -> HostMatcher.of(List.of(rule("claude.ai", "claude"), rule("claude.ai", "other"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'claude'").hasMessageContaining("'other'");
    }

    @Test
    void signatureAloneFlagsAnAiApiWithoutACatalogLookup() {
        assertThat(UnknownAiDiscovery.bySignature(new RequestFacts("llm.internal.example", "POST", "/v1/chat/completions")))
                .isInstanceOf(Discovery.Candidate.class);
        assertThat(UnknownAiDiscovery.bySignature(new RequestFacts("www.example.com", "GET", "/index.html")))
                .isInstanceOf(Discovery.NotAi.class);
    }
}
