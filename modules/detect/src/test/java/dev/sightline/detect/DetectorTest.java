package dev.sightline.detect;

import static dev.sightline.detect.Fixtures.T0;
import static dev.sightline.detect.Fixtures.event;
import static dev.sightline.detect.Fixtures.finding;
import static dev.sightline.detect.Fixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.detect.rules.ShadowAiRule;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.EvidenceStrength;
import dev.sightline.model.Policy;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.Suppression;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectorTest {
    private final Detector detector = new Detector(List.of(new ShadowAiRule()));
    private final AlertDeduplicator dedup = new AlertDeduplicator(Duration.ofMinutes(5));

    private Alert single(Policy policy, Duration after) {
        var event = event("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0.plus(after)).build();
        return detector.detect(event, Fixtures.context(policy), T0).candidates().get(0).alert();
    }

    @Test
    void buildsACompleteAlertWithADeterministicId() {
        Policy policy = Policy.newBuilder(Fixtures.policy(4, List.of())).setSeverityOverrides(Map.of(ShadowAiRule.ID, 5)).build();
        Alert alert = single(policy, Duration.ofHours(3));
        assertThat(alert.getAlertId()).isEqualTo("shadow-ai|alice|chatgpt|2026-11-27T00:00:00Z");
        assertThat(alert.getRuleVersion()).isEqualTo(ShadowAiRule.VERSION);
        assertThat(alert.getClientIp()).as("source endpoint for SIEMs").isEqualTo("10.0.0.1");
        assertThat(alert.getHost()).isEqualTo("chatgpt.example");
        assertThat(alert.getSeverity()).as("policy override").isEqualTo(5);
        assertThat(alert.getPolicyVersion()).isEqualTo(4);
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.NEW);
        assertThat(alert.getEvidenceStrength()).isEqualTo(EvidenceStrength.PROXY);
        assertThat(alert.getControls()).contains("A.9.2");
        assertThat(alert.getDepartment()).isEqualTo("engineering");
        assertThat(alert.getRecommendedAction()).isNotBlank();
        assertThat(alert.getRiskScore()).isBetween(1, 100);
    }

    @Test
    void policySuppressionsMuteOrWidenTheWindow() {
        Suppression mute = Suppression.newBuilder().setRuleId(ShadowAiRule.ID).setToolId("chatgpt")
                .setUntil(T0.plus(Duration.ofHours(1))).build();
        Policy muting = Policy.newBuilder(Fixtures.policy(1, List.of())).setSuppressions(List.of(mute)).build();
        var event = event("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0).build();
        assertThat(detector.detect(event, Fixtures.context(muting), T0).candidates()).isEmpty();
        assertThat(single(muting, Duration.ofHours(2))).as("the mute has ended").isNotNull();

        Suppression week = Suppression.newBuilder().setRuleId(ShadowAiRule.ID).setWindowMs(Duration.ofDays(7).toMillis()).build();
        Policy widening = Policy.newBuilder(Fixtures.policy(1, List.of())).setSuppressions(List.of(week)).build();
        assertThat(single(widening, Duration.ZERO).getAlertId()).endsWith("|2026-11-26T00:00:00Z");
    }

    @Test
    void repeatsUpdateOneAlertThrottledByCountStepsAndInterval() {
        AlertDeduplicator.Outcome first = dedup.offer(Optional.empty(), single(null, Duration.ZERO), T0);
        assertThat(first).isInstanceOf(AlertDeduplicator.Outcome.Emit.class);
        DedupState state = first.state();
        AlertDeduplicator.Outcome second = dedup.offer(Optional.of(state), single(null, Duration.ofSeconds(1)), T0);
        assertThat(second).as("count 2 = twice the last written").isInstanceOf(AlertDeduplicator.Outcome.Emit.class);
        assertThat(((AlertDeduplicator.Outcome.Emit) second).alert().getStatus()).isEqualTo(AlertStatus.UPDATED);
        AlertDeduplicator.Outcome third = dedup.offer(Optional.of(second.state()), single(null, Duration.ofSeconds(2)), T0);
        assertThat(third).as("count 3 < 4 and within 5 min").isInstanceOf(AlertDeduplicator.Outcome.Hold.class);
        assertThat(third.state().alert().getEventCount()).isEqualTo(3);
        assertThat(third.state().pending()).isTrue();

        assertThat(dedup.flush(third.state(), T0.plusSeconds(60), T0)).isEmpty();
        var flushed = dedup.flush(third.state(), T0.plus(Duration.ofMinutes(6)), T0).orElseThrow();
        assertThat(flushed.alert().getEventCount()).isEqualTo(3);
        assertThat(flushed.state().pending()).isFalse();
    }

    @Test
    void aReplayedEventIsNotCountedTwiceAndGraverChangesAreWrittenAtOnce() {
        Alert alert = single(null, Duration.ZERO);
        DedupState state = dedup.offer(Optional.empty(), alert, T0).state();
        assertThat(dedup.offer(Optional.of(state), alert, T0)).isInstanceOf(AlertDeduplicator.Outcome.Unchanged.class);

        state = dedup.offer(Optional.of(state), single(null, Duration.ofSeconds(1)), T0).state();
        var withSecret = event("alice", tool("chatgpt", SanctionStatus.UNREVIEWED, 40), T0.plusSeconds(2))
                .setFindings(List.of(finding("AWS_SECRET", DataClass.SECRET))).setDataClasses(List.of(DataClass.SECRET)).build();
        Alert graver = detector.detect(withSecret, Fixtures.context(null), T0).candidates().get(0).alert();
        var outcome = dedup.offer(Optional.of(state), graver, T0);
        assertThat(outcome).isInstanceOf(AlertDeduplicator.Outcome.Emit.class);
        Alert merged = ((AlertDeduplicator.Outcome.Emit) outcome).alert();
        assertThat(merged.getEventCount()).isEqualTo(3);
        assertThat(merged.getDataClasses()).containsExactly(DataClass.SECRET);
        assertThat(merged.getEvidenceStrength()).isEqualTo(EvidenceStrength.CONTENT);
        assertThat(merged.getFirstSeen()).isEqualTo(T0);
        assertThat(merged.getSourceEventIds()).hasSize(3);
    }

    @Test
    void aFailingRuleIsReportedNotThrown() {
        DetectionRule broken = new DetectionRule() {
            public RuleIdentity identity() { return new RuleIdentity("broken", 1, List.of()); }
            public List<Detection> evaluate(dev.sightline.model.AiUsageEvent e, DetectionContext c) {
                throw new IllegalStateException("defect");
            }
        };
        var result = new Detector(List.of(broken, new ShadowAiRule()))
                .detect(event("a", tool("x", SanctionStatus.UNREVIEWED, 1), T0).build(), Fixtures.context(null), T0);
        assertThat(result.failedRules()).extracting(Detector.RuleFailure::ruleId).containsExactly("broken");
        assertThat(result.candidates()).hasSize(1);
    }
}
