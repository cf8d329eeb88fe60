package dev.sightline.detect;

import dev.sightline.model.DataClass;
import dev.sightline.model.EvidenceStrength;
import java.util.Collection;
import java.util.Map;

/**
 * Alert risk score 0..100:
 * <pre>
 *   base  = 0.35 * S + 0.25 * D + 0.20 * T + 0.20 * V            (each term 0..1)
 *   risk  = round(100 * base * E * (0.5 + 0.5 * C))
 *
 *   S = (severity - 1) / 4
 *   D = highest data class weight: SECRET 1.0, PHI 1.0, PCI 0.9, CLASSIFIED_ASSET 0.8, PII 0.7,
 *       SOURCE_CODE 0.6, OTHER 0.3, none 0
 *   T = catalog tool risk / 100 (unknown = 0.5: an uncatalogued AI service is neither safe nor known bad)
 *   V = volume: max(log10(1 + bytes) / 8, log10(eventCount) / 3), capped at 1 (100 MB or 1000 events = 1)
 *   E = evidence strength: DNS 0.7, PROXY 0.85, AUDIT_LOG 0.95, CONTENT 1.0
 *   C = confidence 0..1 (halves the score at most: a doubtful detection of a grave case still ranks)
 * </pre>
 * Severity carries most weight because it already folds in the rule's own judgement and the policy's overrides.
 */
public final class RiskScore {
    static final Map<DataClass, Double> DATA_CLASS_WEIGHTS = Map.of(
            DataClass.SECRET, 1.0, DataClass.PHI, 1.0, DataClass.PCI, 0.9, DataClass.CLASSIFIED_ASSET, 0.8,
            DataClass.PII, 0.7, DataClass.SOURCE_CODE, 0.6, DataClass.OTHER, 0.3);
    static final Map<EvidenceStrength, Double> EVIDENCE_WEIGHTS = Map.of(
            EvidenceStrength.DNS, 0.7, EvidenceStrength.PROXY, 0.85, EvidenceStrength.AUDIT_LOG, 0.95,
            EvidenceStrength.CONTENT, 1.0);
    private static final double UNKNOWN_TOOL_RISK = 0.5;

    /** @param toolRisk catalog risk 0..100, null when unknown; @param bytes null when unknown */
    public record Inputs(int severity, Collection<DataClass> dataClasses, Integer toolRisk, EvidenceStrength evidence,
                         Long bytes, long eventCount, double confidence) {
    }

    private RiskScore() {
    }

    public static int score(Inputs in) {
        double s = (Severity.clamp(in.severity()) - 1) / 4.0;
        double d = in.dataClasses().stream().mapToDouble(c -> DATA_CLASS_WEIGHTS.getOrDefault(c, 0.3)).max().orElse(0);
        double t = in.toolRisk() == null ? UNKNOWN_TOOL_RISK : unit(in.toolRisk() / 100.0);
        double bytes = in.bytes() == null ? 0 : Math.log10(1 + Math.max(0, in.bytes())) / 8;
        double count = Math.log10(Math.max(1, in.eventCount())) / 3;
        double v = unit(Math.max(bytes, count));
        double e = EVIDENCE_WEIGHTS.getOrDefault(in.evidence(), EVIDENCE_WEIGHTS.get(EvidenceStrength.PROXY));
        double base = 0.35 * s + 0.25 * d + 0.20 * t + 0.20 * v;
        double c = unit(in.confidence());
        return (int) Math.round(100 * unit(base * e * (0.5 + 0.5 * c)));
    }

    private static double unit(double x) {
        return Double.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
    }
}
