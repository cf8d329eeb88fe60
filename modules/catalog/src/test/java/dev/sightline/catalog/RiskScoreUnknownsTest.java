package dev.sightline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What {@link RiskScore} documents about unknown attributes: an unknown costs less than the worst known value and more
 * than the best, except certifications, where an unattested certificate earns nothing (unknown = none held). Each
 * unknown's cost is the one in the documented table, and a tool nobody has reviewed scores 60.
 */
class RiskScoreUnknownsTest {
    private static final Country DOMESTIC = Country.of("DE");

    /** One risk attribute: its unknown, best and worst values, its documented cost when unknown, and a setter. */
    enum Attribute {
        TRAINING_FREE(TrainingPolicy.UNKNOWN, TrainingPolicy.NO, TrainingPolicy.TRAINS, 15,
                (p, v) -> new RiskProfile(fact(v), p.trainingBusiness(), p.retention(), p.enterpriseTier(), p.sso(),
                        p.certifications(), p.corporateInstance())),
        TRAINING_BUSINESS(TrainingPolicy.UNKNOWN, TrainingPolicy.NO, TrainingPolicy.TRAINS, 8,
                (p, v) -> new RiskProfile(p.trainingFree(), fact(v), p.retention(), p.enterpriseTier(), p.sso(),
                        p.certifications(), p.corporateInstance())),
        RETENTION(Retention.UNKNOWN, Retention.parse("none"), Retention.parse("until-deleted"), 10,
                (p, v) -> new RiskProfile(p.trainingFree(), p.trainingBusiness(), fact(v), p.enterpriseTier(), p.sso(),
                        p.certifications(), p.corporateInstance())),
        ENTERPRISE_TIER(Ternary.UNKNOWN, Ternary.YES, Ternary.NO, 6,
                (p, v) -> new RiskProfile(p.trainingFree(), p.trainingBusiness(), p.retention(), fact(v), p.sso(),
                        p.certifications(), p.corporateInstance())),
        SSO(Ternary.UNKNOWN, Ternary.YES, Ternary.NO, 3,
                (p, v) -> new RiskProfile(p.trainingFree(), p.trainingBusiness(), p.retention(), p.enterpriseTier(),
                        fact(v), p.certifications(), p.corporateInstance())),
        CERTIFICATIONS(Certifications.UNKNOWN,
                Certifications.of(List.of(Certification.SOC2, Certification.ISO27001, Certification.ISO42001)),
                Certifications.of(List.of()), 15,
                (p, v) -> new RiskProfile(p.trainingFree(), p.trainingBusiness(), p.retention(), p.enterpriseTier(),
                        p.sso(), fact(v), p.corporateInstance())),
        CORPORATE_INSTANCE(CorporateSignal.UNKNOWN, CorporateSignal.parse("tenant-header: X-Allowed-Tenant"),
                CorporateSignal.parse("none"), 3,
                (p, v) -> new RiskProfile(p.trainingFree(), p.trainingBusiness(), p.retention(), p.enterpriseTier(),
                        p.sso(), p.certifications(), fact(v)));

        final Knowable unknown;
        final Knowable best;
        final Knowable worst;
        final int unknownCost;
        private final BiFunction<RiskProfile, Knowable, RiskProfile> setter;

        Attribute(Knowable unknown, Knowable best, Knowable worst, int unknownCost,
                BiFunction<RiskProfile, Knowable, RiskProfile> setter) {
            this.unknown = unknown;
            this.best = best;
            this.worst = worst;
            this.unknownCost = unknownCost;
            this.setter = setter;
        }

        int scoreWith(RiskProfile profile, Knowable value) {
            return RiskScore.of(setter.apply(profile, value), DOMESTIC);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Knowable> Sourced<T> fact(Knowable value) {
        return value.known() ? new Sourced<>((T) value, "https://vendor.example/doc", LocalDate.of(2026, 1, 1))
                : Sourced.unknown((T) value);
    }

    @Property
    void anUnknownCostsLessThanTheWorstAndMoreThanTheBest(@ForAll("profiles") RiskProfile profile,
            @ForAll Attribute attribute) {
        int unknown = attribute.scoreWith(profile, attribute.unknown);
        int best = attribute.scoreWith(profile, attribute.best);
        int worst = attribute.scoreWith(profile, attribute.worst);
        assertThat(unknown).isGreaterThan(best);
        if (attribute == Attribute.CERTIFICATIONS) {
            assertThat(unknown).as("an unattested certificate earns nothing").isEqualTo(worst);
        } else {
            assertThat(unknown).isLessThan(worst);
        }
    }

    @Property
    void eachUnknownCostsWhatTheTableSays(@ForAll Attribute attribute) {
        int unreviewed = RiskScore.of(RiskProfile.UNKNOWN, DOMESTIC);
        assertThat(unreviewed).isEqualTo(RiskScore.UNREVIEWED_DOMESTIC);
        assertThat(unreviewed - attribute.scoreWith(RiskProfile.UNKNOWN, attribute.best))
                .isEqualTo(attribute.unknownCost);
    }

    @Property
    void replacingABestValueByUnknownRaisesTheScoreByItsCost(@ForAll("profiles") RiskProfile profile,
            @ForAll Attribute attribute) {
        RiskProfile withBest = attribute.setter.apply(profile, attribute.best);
        assertThat(attribute.scoreWith(withBest, attribute.unknown) - RiskScore.of(withBest, DOMESTIC))
                .isEqualTo(attribute.unknownCost);
    }

    @Provide
    Arbitrary<RiskProfile> profiles() {
        Arbitrary<RiskProfile> unknown = Arbitraries.just(RiskProfile.UNKNOWN);
        Arbitrary<List<Attribute>> known = Arbitraries.of(Attribute.class).list().uniqueElements();
        Arbitrary<Boolean> bestOrWorst = Arbitraries.of(true, false);
        return Combinators.combine(unknown, known, bestOrWorst.list().ofSize(Attribute.values().length))
                .as((start, attributes, best) -> {
                    RiskProfile p = start;
                    for (Attribute a : attributes) {
                        p = a.setter.apply(p, best.get(a.ordinal()) ? a.best : a.worst);
                    }
                    return p;
                });
    }
}
