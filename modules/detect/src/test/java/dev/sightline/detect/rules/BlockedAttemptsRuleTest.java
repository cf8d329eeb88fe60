package dev.sightline.detect.rules;

import static dev.sightline.detect.Fixtures.T0;
import static dev.sightline.detect.Fixtures.context;
import static dev.sightline.detect.Fixtures.event;
import static dev.sightline.detect.Fixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.detect.Detection;
import dev.sightline.detect.Fixtures;
import dev.sightline.model.Policy;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockedAttemptsRuleTest {
    private final BlockedAttemptsRule rule = new BlockedAttemptsRule(new Fixtures.MemoryCounter());
    private final dev.sightline.model.ToolMatch tool = tool("chatgpt", SanctionStatus.UNSANCTIONED, 50);

    private List<Detection> blocked(String user, Duration after, Policy policy) {
        return rule.evaluate(event(user, tool, T0.plus(after)).setProxyAction(ProxyAction.BLOCKED).build(), context(policy));
    }

    @Test
    void firesFromTheFifthBlockedAttemptInTheWindow() {
        for (int i = 0; i < 4; i++) {
            assertThat(blocked("alice", Duration.ofSeconds(i), null)).isEmpty();
        }
        assertThat(blocked("alice", Duration.ofSeconds(5), null)).singleElement().satisfies(d -> {
            assertThat(d.attributes()).containsEntry("attempts", "5");
            assertThat(d.severity()).isEqualTo(3);
        });
    }

    @Test
    void countsPerUserAndWindow() {
        for (int i = 0; i < 4; i++) {
            blocked("alice", Duration.ofSeconds(i), null);
        }
        assertThat(blocked("bob", Duration.ofSeconds(5), null)).isEmpty();
        assertThat(blocked("alice", Duration.ofMinutes(11), null)).as("next 10-minute window starts over").isEmpty();
    }

    @Test
    void thePolicyThresholdApplies() {
        Policy policy = Policy.newBuilder(Fixtures.policy(1, List.of()))
                .setThresholds(Map.of(BlockedAttemptsRule.COUNT_THRESHOLD, 2.0)).build();
        assertThat(blocked("alice", Duration.ZERO, policy)).isEmpty();
        assertThat(blocked("alice", Duration.ofSeconds(1), policy)).hasSize(1);
    }

    @Test
    void allowedRequestsAreNotAttempts() {
        for (int i = 0; i < 10; i++) {
            assertThat(rule.evaluate(event("alice", tool, T0).build(), context(null))).isEmpty();
        }
    }
}
