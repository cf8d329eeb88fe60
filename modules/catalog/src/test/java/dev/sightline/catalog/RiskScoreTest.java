package dev.sightline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiskScoreTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);

    private static <T extends Knowable> Sourced<T> known(T value) {
        return new Sourced<>(value, "doc", DAY);
    }

    @Test
    void unreviewedToolScoresSixtyAndJurisdictionAddsTen() {
        assertThat(RiskScore.of(RiskProfile.UNKNOWN, Country.of("US"))).isEqualTo(60);
        assertThat(RiskScore.of(RiskProfile.UNKNOWN, Country.of("CN"))).isEqualTo(70);
    }

    @Test
    void bestAndWorstProfilesSpanTheScale() {
        RiskProfile best = new RiskProfile(known(TrainingPolicy.NO), known(TrainingPolicy.NO),
                known(Retention.parse("none")), known(Ternary.YES), known(Ternary.YES),
                known(Certifications.of(List.of(Certification.SOC2, Certification.ISO27001, Certification.ISO42001))),
                known(CorporateSignal.parse("tenant-header: X-Allowed")));
        RiskProfile worst = new RiskProfile(known(TrainingPolicy.TRAINS), known(TrainingPolicy.TRAINS),
                known(Retention.parse("until-deleted")), known(Ternary.NO), known(Ternary.NO),
                known(Certifications.of(List.of())), known(CorporateSignal.parse("none")));
        assertThat(RiskScore.of(best, Country.of("DE"))).isZero();
        assertThat(RiskScore.of(worst, Country.of("RU"))).isEqualTo(100);
    }

    @Test
    void retentionParsesDaysAndRejectsNonsense() {
        assertThat(Retention.parse("30d").days()).isEqualTo(30);
        assertThat(Retention.parse("45d").toString()).isEqualTo("45d");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Retention.parse("forever"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
