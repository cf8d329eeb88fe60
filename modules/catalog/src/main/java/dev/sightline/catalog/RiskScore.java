package dev.sightline.catalog;

import java.util.Set;

/**
 * The risk score, 0 (lowest) to 100 (highest), a sum of weighted points per attribute. The weights add up to 100;
 * {@code unknown} costs a little less than the worst known value and more than the best, so that a tool nobody has
 * reviewed scores 60 and reviewing it moves the score either way. Certifications are the exception: a certificate
 * nobody has seen lowers no risk, so unknown certifications cost as much as none held. Every unknown therefore adds
 * its own fixed cost (15, 8, 10, 6, 3, 15, 3 in the order of the table) to what a tool with the best known value
 * would score; a tool with more unknowns is never scored as if the vendor had been checked and found good.
 *
 * <pre>
 * attribute                                  max  points
 * trains on user data, free/consumer tier     25  trains 25, opt-out 20, unknown 15, opt-in 5, no 0
 * trains on user data, business/API tier      15  trains 15, opt-out 10, unknown 8, opt-in 3, no 0
 * retention of prompts and outputs            15  until-deleted 15, unknown 10, more than 30 days 10,
 *                                                 configurable 5, up to 30 days 4, none 0
 * no enterprise tier                          10  no 10, unknown 6, yes 0
 * no single sign-on                            5  no 5, unknown 3, yes 0
 * missing certifications                      15  15, minus 6 for SOC 2, 6 for ISO 27001, 3 for ISO 42001
 * corporate vs personal use not told apart     5  none 5, unknown 3, any known signal 0
 * jurisdiction with compelled state access    10  headquarters in CN or RU 10, elsewhere 0
 * </pre>
 *
 * The jurisdiction term reflects laws that oblige companies to hand data to state agencies without the process an
 * EU/US customer can contest (PRC National Intelligence Law art. 7; Russian Federal Law 374-FZ).
 */
public final class RiskScore {
    public static final int UNREVIEWED_DOMESTIC = 60;
    static final Set<String> COMPELLED_ACCESS_JURISDICTIONS = Set.of("CN", "RU");

    private RiskScore() {
    }

    public static int of(RiskProfile risk, Country headquarters) {
        int score = trainingFree(risk.trainingFree().value())
                + trainingBusiness(risk.trainingBusiness().value())
                + retention(risk.retention().value())
                + absent(risk.enterpriseTier().value(), 10, 6)
                + absent(risk.sso().value(), 5, 3)
                + certifications(risk.certifications().value())
                + corporateSignal(risk.corporateInstance().value())
                + (COMPELLED_ACCESS_JURISDICTIONS.contains(headquarters.code()) ? 10 : 0);
        return Math.max(0, Math.min(100, score));
    }

    private static int trainingFree(TrainingPolicy p) {
        return switch (p) {
            case TRAINS -> 25;
            case OPT_OUT -> 20;
            case UNKNOWN -> 15;
            case OPT_IN -> 5;
            case NO -> 0;
        };
    }

    private static int trainingBusiness(TrainingPolicy p) {
        return switch (p) {
            case TRAINS -> 15;
            case OPT_OUT -> 10;
            case UNKNOWN -> 8;
            case OPT_IN -> 3;
            case NO -> 0;
        };
    }

    private static int retention(Retention r) {
        return switch (r.kind()) {
            case UNTIL_DELETED -> 15;
            case UNKNOWN -> 10;
            case DAYS -> r.days() > 30 ? 10 : 4;
            case CONFIGURABLE -> 5;
            case NONE -> 0;
        };
    }

    private static int absent(Ternary feature, int whenNo, int whenUnknown) {
        return switch (feature) {
            case YES -> 0;
            case NO -> whenNo;
            case UNKNOWN -> whenUnknown;
        };
    }

    private static int certifications(Certifications c) {
        int points = 15;
        if (c.has(Certification.SOC2)) {
            points -= 6;
        }
        if (c.has(Certification.ISO27001)) {
            points -= 6;
        }
        if (c.has(Certification.ISO42001)) {
            points -= 3;
        }
        return points;
    }

    private static int corporateSignal(CorporateSignal s) {
        return switch (s.method()) {
            case NONE -> 5;
            case UNKNOWN -> 3;
            default -> 0;
        };
    }
}
