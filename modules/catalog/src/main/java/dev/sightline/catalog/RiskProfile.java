package dev.sightline.catalog;

/**
 * The risk facts about one tool, each with its source and date. Attributes absent from the catalog are
 * {@code unknown}; they are never guessed.
 */
public record RiskProfile(
        Sourced<TrainingPolicy> trainingFree,
        Sourced<TrainingPolicy> trainingBusiness,
        Sourced<Retention> retention,
        Sourced<Ternary> enterpriseTier,
        Sourced<Ternary> sso,
        Sourced<Certifications> certifications,
        Sourced<CorporateSignal> corporateInstance) {

    public static final RiskProfile UNKNOWN = new RiskProfile(null, null, null, null, null, null, null);

    public RiskProfile {
        trainingFree = orUnknown(trainingFree, TrainingPolicy.UNKNOWN);
        trainingBusiness = orUnknown(trainingBusiness, TrainingPolicy.UNKNOWN);
        retention = orUnknown(retention, Retention.UNKNOWN);
        enterpriseTier = orUnknown(enterpriseTier, Ternary.UNKNOWN);
        sso = orUnknown(sso, Ternary.UNKNOWN);
        certifications = orUnknown(certifications, Certifications.UNKNOWN);
        corporateInstance = orUnknown(corporateInstance, CorporateSignal.UNKNOWN);
    }

    private static <T extends Knowable> Sourced<T> orUnknown(Sourced<T> attribute, T unknown) {
        return attribute == null ? Sourced.unknown(unknown) : attribute;
    }

    /** The 0-100 score derived from these attributes; see {@link RiskScore}. */
    public int score(Country headquarters) {
        return RiskScore.of(this, headquarters);
    }
}
