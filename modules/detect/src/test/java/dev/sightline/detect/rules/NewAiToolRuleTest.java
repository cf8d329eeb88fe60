package dev.sightline.detect.rules;

import static dev.sightline.detect.Fixtures.T0;
import static dev.sightline.detect.Fixtures.context;
import static dev.sightline.detect.Fixtures.event;
import static dev.sightline.detect.Fixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.detect.Detection;
import dev.sightline.detect.Fixtures;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NewAiToolRuleTest {
    private final Fixtures.MemorySeenTools seen = new Fixtures.MemorySeenTools();
    private final NewAiToolRule rule = new NewAiToolRule(seen);

    @Test
    void onlyTheFirstUseInTheOrganisationIsNew() {
        ToolMatch claude = tool("claude", SanctionStatus.UNREVIEWED, 30);
        assertThat(rule.evaluate(event("alice", claude, T0).build(), context(null))).singleElement().satisfies(d -> {
            assertThat(d.subject()).isEqualTo(Detection.ORGANISATION);
            assertThat(d.attributes()).containsEntry("firstUser", "alice");
        });
        assertThat(rule.evaluate(event("bob", claude, T0.plusSeconds(5)).build(), context(null))).isEmpty();
    }

    @Test
    void aLateEarlierEventMovesTheFirstSightingBackWithoutASecondAlert() {
        ToolMatch claude = tool("claude", SanctionStatus.UNREVIEWED, 30);
        rule.evaluate(event("alice", claude, T0).build(), context(null));
        assertThat(rule.evaluate(event("bob", claude, T0.minus(Duration.ofHours(2))).build(), context(null))).isEmpty();
        assertThat(seen.map.get("claude").firstSeen()).isEqualTo(T0.minus(Duration.ofHours(2)));
        assertThat(seen.map.get("claude").lastSeen()).isEqualTo(T0);
    }

    @Test
    void everyUseOfACandidateServiceIsReported() {
        ToolMatch candidate = ToolMatch.newBuilder(tool("candidate:llm.example", SanctionStatus.UNREVIEWED, 0))
                .setCandidate(true).build();
        assertThat(rule.evaluate(event("alice", candidate, T0).build(), context(null))).singleElement()
                .satisfies(d -> assertThat(d.attributes()).containsEntry("firstUse", "true"));
        assertThat(rule.evaluate(event("bob", candidate, T0.plusSeconds(1)).build(), context(null))).singleElement()
                .satisfies(d -> assertThat(d.attributes()).containsEntry("firstUse", "false"));
    }
}
