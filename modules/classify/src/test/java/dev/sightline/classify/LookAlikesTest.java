package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written placeholder and mask checks decide exactly as the regexes they replace. */
class LookAlikesTest {

    /** The former whole-value patterns, kept here as the oracle. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)(?:your|insert|enter|replace|paste)[-_ .]?[a-z0-9_-]{0,40}"
            + "|[a-z0-9_-]{0,40}[-_ .](?:here|goes|placeholder)"
            + "|.{0,80}(?:example|placeholder|dummy|changeme|change[-_]me|redacted|xxxx|\\.\\.\\.|…|fake|sample|<|>|\\$\\{|\\{\\{|%\\(|\\$\\().{0,80}"
            + "|\\$[A-Za-z_][A-Za-z0-9_]{0,80}|%[A-Za-z_][A-Za-z0-9_]{0,80}%|\\{[A-Za-z_][A-Za-z0-9_.]{0,80}\\}|:[a-z_]{1,40}");
    private static final Pattern MASKED = Pattern.compile("(?i).{0,200}(?:[*•●#]{3}|x{4}|\\.\\.\\.|…).{0,200}");

    @Property(tries = 3000)
    void placeholderShapeAsTheRegex(@ForAll("values") String value) {
        assertThat(LookAlikes.hasPlaceholderShape(value)).as(value).isEqualTo(PLACEHOLDER.matcher(value).matches());
    }

    @Property(tries = 3000)
    void maskedAsTheRegex(@ForAll("values") String value) {
        assertThat(LookAlikes.isMasked(value)).as(value).isEqualTo(MASKED.matcher(value).matches());
    }

    @Test
    void edgesOfTheReach() {
        String a80 = "a".repeat(80);
        assertThat(LookAlikes.isPlaceholder(a80 + "<" + a80)).isTrue();
        assertThat(LookAlikes.isPlaceholder(a80 + "a<" + a80)).isFalse();
        assertThat(LookAlikes.isPlaceholder("😀".repeat(80) + "<" + "😀".repeat(80))).isTrue();
        assertThat(LookAlikes.isPlaceholder("REDACTED\nvalue")).isFalse();
        assertThat(LookAlikes.isMasked("a".repeat(200) + "XxXx" + "b".repeat(200))).isTrue();
        assertThat(LookAlikes.isMasked("a".repeat(201) + "***")).isFalse();
        assertThat(LookAlikes.isMasked("😀".repeat(200) + "…" + "😀".repeat(200))).isTrue();
        assertThat(LookAlikes.isMasked("sk-...abcd\u2028")).isFalse();
    }

    @Provide
    Arbitrary<String> values() {
        Arbitrary<String> pieces = Arbitraries.of("a", "Z", "9", "_", "-", " ", ".", "x", "X", "*", "•", "●", "#", "…", "<",
                ">", "${", "{{", "%(", "$(", "example", "EXAMPLE", "Place", "holder", "change_me", "your", "here", "$", "%",
                "{", "}", ":", "\n", "\r", "\u2028", "😀", "\uD800", "sk-", "Xx");
        return Arbitraries.integers().between(0, 240).flatMap(n -> pieces.list().ofSize(n)
                .map(list -> String.join("", list)));
    }
}
