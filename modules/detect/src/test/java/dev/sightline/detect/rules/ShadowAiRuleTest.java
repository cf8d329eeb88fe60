package dev.sightline.detect.rules;

import static dev.sightline.detect.Fixtures.T0;
import static dev.sightline.detect.Fixtures.context;
import static dev.sightline.detect.Fixtures.event;
import static dev.sightline.detect.Fixtures.policy;
import static dev.sightline.detect.Fixtures.tool;
import static dev.sightline.detect.Fixtures.toolRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.detect.Detection;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowAiRuleTest {
    private final ShadowAiRule rule = new ShadowAiRule();

    @Test
    void withoutPolicyAnUnreviewedToolIsShadowAi() {
        List<Detection> found = rule.evaluate(event("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0).build(),
                context(null));
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo("alice");
            assertThat(d.toolKey()).isEqualTo("chatgpt");
            assertThat(d.severity()).isEqualTo(2);
            assertThat(d.title()).startsWith("Unreviewed");
            assertThat(d.rule().controls()).containsExactly("A.9.2", "A.10.3", "A.4.2");
        });
    }

    @Test
    void thePolicyOverridesTheSanctionOfTheCatalogMatch() {
        var sanctionedInCatalog = tool("deepseek", SanctionStatus.SANCTIONED, 80);
        var policy = policy(3, List.of(toolRule("deepseek", SanctionStatus.UNSANCTIONED, List.of())));
        assertThat(rule.evaluate(event("bob", sanctionedInCatalog, T0).build(), context(policy)))
                .singleElement().satisfies(d -> {
                    assertThat(d.severity()).as("unsanctioned 3 + high-risk tool 1").isEqualTo(4);
                    assertThat(d.attributes()).containsEntry("decidedBy", "policy");
                });
    }

    @Test
    void sanctionedToleratedBlockedAndNonAiTrafficAreNotShadowAi() {
        assertThat(rule.evaluate(event("a", tool("copilot", SanctionStatus.SANCTIONED, 10), T0).build(), context(null))).isEmpty();
        assertThat(rule.evaluate(event("a", tool("x", SanctionStatus.TOLERATED, 10), T0).build(), context(null))).isEmpty();
        assertThat(rule.evaluate(event("a", tool("x", SanctionStatus.UNSANCTIONED, 10), T0)
                .setProxyAction(ProxyAction.BLOCKED).build(), context(null))).isEmpty();
        assertThat(rule.evaluate(event("a", null, T0).build(), context(null))).isEmpty();
    }

    @Test
    void anUnverifiedUserNameIsNotTheActor() {
        var found = rule.evaluate(event("mallory", tool("x", SanctionStatus.UNREVIEWED, 10), T0)
                .setUserVerified(false).build(), context(null));
        assertThat(found).singleElement().extracting(Detection::subject).isEqualTo("ip:10.0.0.1");
    }
}
