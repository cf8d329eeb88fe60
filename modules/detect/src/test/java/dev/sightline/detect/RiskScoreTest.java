package dev.sightline.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.DataClass;
import dev.sightline.model.EvidenceStrength;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RiskScoreTest {

    @Property
    void alwaysWithin0And100(@ForAll int severity, @ForAll Set<DataClass> classes, @ForAll Integer toolRisk,
                             @ForAll EvidenceStrength evidence, @ForAll Long bytes, @ForAll long count,
                             @ForAll double confidence) {
        int score = RiskScore.score(new RiskScore.Inputs(severity, classes, toolRisk, evidence, bytes, count, confidence));
        assertThat(score).isBetween(0, 100);
    }

    @Property
    void strongerEvidenceNeverLowersTheScore(@ForAll @IntRange(min = 1, max = 5) int severity) {
        int proxy = RiskScore.score(new RiskScore.Inputs(severity, List.of(DataClass.PII), 50, EvidenceStrength.PROXY, 1000L, 1, 0.9));
        int content = RiskScore.score(new RiskScore.Inputs(severity, List.of(DataClass.PII), 50, EvidenceStrength.CONTENT, 1000L, 1, 0.9));
        assertThat(content).isGreaterThanOrEqualTo(proxy);
    }

    @Test
    void worstCaseIs100() {
        assertThat(RiskScore.score(new RiskScore.Inputs(5, List.of(DataClass.SECRET), 100, EvidenceStrength.CONTENT,
                1L << 40, 1, 1.0))).isEqualTo(100);
        assertThat(RiskScore.score(new RiskScore.Inputs(1, List.of(), 0, EvidenceStrength.DNS, null, 1, 0))).isZero();
    }
}
