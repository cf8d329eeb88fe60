package dev.sightline.catalog;

import static dev.sightline.catalog.TestCatalogs.tool;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatchingRulesTest {
    @TempDir
    static Path dir;
    static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = TestCatalogs.load(dir,
                tool("apex", "chat", "[example.ai]")
                        + tool("any-sub", "chat", "['.example.ai']")
                        + tool("deep-sub", "code", "['.eu.example.ai']")
                        + tool("api-exact", "api", "[api.example.ai]")
                        + tool("one-label", "api", "['*.models.example.net']")
                        + tool("mid-label", "api", "['runtime.*.cloud.example.org']")
                        + tool("glob-label", "api", "['*-infer.example.org']")
                        + tool("shared-root", "chat", "[shared.example.com/assistant]")
                        + tool("shared-deep", "code", "[shared.example.com/assistant/code]")
                        + tool("suffix-path", "saas-feature", "['.tenant.example.com/ai']")
                        + tool("unicode", "chat", "[bücher.example]"));
    }

    private static String toolOf(String input) {
        return catalog.match(input).matchedTool().map(AiTool::id).orElse("-");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "example.ai, apex",
        "www.example.ai, any-sub",
        "a.b.example.ai, any-sub",
        "eu.example.ai, any-sub",
        "x.eu.example.ai, deep-sub",
        "api.example.ai, api-exact",
        "v2.api.example.ai, any-sub",
        "acme.models.example.net, one-label",
        "models.example.net, -",
        "a.b.models.example.net, -",
        "runtime.us-east-1.cloud.example.org, mid-label",
        "runtime.cloud.example.org, -",
        "runtime.a.b.cloud.example.org, -",
        "eu-infer.example.org, glob-label",
        "-infer.example.org, -",
        "notexample.ai, -",
        "example.ai.evil.com, -",
    })
    void precedenceOfExactSuffixAndWildcard(String host, String expected) {
        assertThat(toolOf(host)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "shared.example.com/assistant, shared-root",
        "shared.example.com/assistant/, shared-root",
        "shared.example.com/assistant?q=1, shared-root",
        "shared.example.com/Assistant/x, shared-root",
        "shared.example.com/assistant/code/x, shared-deep",
        "shared.example.com/assistants, -",
        "shared.example.com/, -",
        "shared.example.com, -",
        "acme.tenant.example.com/ai/chat, suffix-path",
        "acme.tenant.example.com/mail, -",
    })
    void pathRulesTellSharedHostsApart(String url, String expected) {
        assertThat(toolOf(url)).isEqualTo(expected);
    }

    @Test
    void hostAndPathVariantAgreesWithUrlForm() {
        assertThat(catalog.match("SHARED.example.com:443", "/assistant/code").matchedTool().map(AiTool::id))
                .contains("shared-deep");
        assertThat(catalog.match("shared.example.com", null)).isInstanceOf(MatchResult.NoMatch.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "API.Example.AI",
        "api.example.ai.",
        "api.example.ai:8443",
        "https://api.example.ai/v1/chat/completions",
        "HTTPS://user:secret@API.EXAMPLE.AI:443/path?q=1#frag",
        "//api.example.ai/x",
        "  api.example.ai  ",
        "wss://api.example.ai/socket",
    })
    void normalizesCaseDotsPortsUserinfoAndSchemes(String input) {
        assertThat(toolOf(input)).isEqualTo("api-exact");
    }

    @Test
    void internationalizedNamesMatchInEitherForm() {
        assertThat(toolOf("Bücher.example")).isEqualTo("unicode");
        assertThat(toolOf("xn--bcher-kva.example")).isEqualTo("unicode");
        assertThat(toolOf("https://bücher.example/")).isEqualTo("unicode");
    }

    @Test
    void ipLiteralsAndBadInputAreHandled() {
        assertThat(catalog.match("[2001:db8::1]:8443")).isInstanceOf(MatchResult.NoMatch.class);
        assertThat(catalog.match("2001:db8::1")).isInstanceOf(MatchResult.NoMatch.class);
        assertThat(catalog.match("10.0.0.1:80")).isInstanceOf(MatchResult.NoMatch.class);
        assertThat(catalog.match("")).isInstanceOf(MatchResult.InvalidInput.class);
        assertThat(catalog.match((String) null)).isInstanceOf(MatchResult.InvalidInput.class);
        assertThat(catalog.match("api.example.ai:99999")).isInstanceOf(MatchResult.InvalidInput.class);
        assertThat(catalog.match("a..b.example.ai")).isInstanceOf(MatchResult.InvalidInput.class);
        assertThat(catalog.match("[::1")).isInstanceOf(MatchResult.InvalidInput.class);
    }

    @Test
    void unreviewedWhenNoOverride() {
        MatchResult.Matched m = (MatchResult.Matched) catalog.match("example.ai");
        assertThat(m.sanction()).isEqualTo(Sanction.UNREVIEWED);
        assertThat(m.pattern().kind()).isEqualTo(HostPattern.Kind.EXACT);
    }
}
