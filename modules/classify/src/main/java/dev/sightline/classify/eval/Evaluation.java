package dev.sightline.classify.eval;

import dev.sightline.classify.ContentScanner;
import dev.sightline.classify.Finding;
import dev.sightline.classify.FindingType;
import dev.sightline.classify.ScannerConfig;
import dev.sightline.classify.eval.LabelledDocument.Label;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F1 per finding type and micro totals of the scanner on a generated corpus.
 * A finding matches a label of the same type whose span overlaps it; each label matches at most once.
 * Run: {@code Evaluation [SEED] [DOCUMENTS]}.
 */
public final class Evaluation {

    /** Counts of one type. */
    public record Score(long truePositives, long falsePositives, long falseNegatives) {
        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Score plus(Score o) {
            return new Score(truePositives + o.truePositives, falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
        }
    }

    /** Scores per type (only types seen in labels or findings) and the micro total. */
    public record Report(Map<FindingType, Score> perType, Score micro) {
        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "%-28s %6s %6s %6s %9s %7s %7s%n", "type", "tp", "fp", "fn", "precision", "recall", "f1");
            perType.forEach((type, s) -> out.printf(Locale.ROOT, "%-28s %6d %6d %6d %9.3f %7.3f %7.3f%n", type,
                    s.truePositives(), s.falsePositives(), s.falseNegatives(), s.precision(), s.recall(), s.f1()));
            out.printf(Locale.ROOT, "%-28s %6d %6d %6d %9.3f %7.3f %7.3f%n", "MICRO", micro.truePositives(),
                    micro.falsePositives(), micro.falseNegatives(), micro.precision(), micro.recall(), micro.f1());
        }
    }

    private Evaluation() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Report report = evaluate(scanner(), new CorpusGenerator(seed).generate(documents));
        System.out.printf(Locale.ROOT, "seed=%d documents=%d%n", seed, documents);
        report.print(System.out);
    }

    /** A scanner configured with the markers the generator uses. */
    public static ContentScanner scanner() {
        return new ContentScanner(ScannerConfig.of("sightline-evaluation-key".getBytes(StandardCharsets.UTF_8))
                .withOrgMarkers(List.of(CorpusGenerator.ORG_NAMESPACE), List.of(CorpusGenerator.ORG_NOTICE)));
    }

    public static Report evaluate(ContentScanner scanner, List<LabelledDocument> corpus) {
        Map<FindingType, Score> perType = new EnumMap<>(FindingType.class);
        for (LabelledDocument doc : corpus) {
            List<Finding> findings = scanner.scan(doc.text()).findings();
            List<Label> open = new ArrayList<>(doc.labels().stream().map(l -> toCodePoints(doc.text(), l)).toList());
            for (Finding f : findings) {
                Label hit = open.stream()
                        .filter(l -> l.type() == f.type() && l.start() < f.end() && f.start() < l.end())
                        .findFirst().orElse(null);
                if (hit != null) {
                    open.remove(hit);
                }
                perType.merge(f.type(), new Score(hit != null ? 1 : 0, hit != null ? 0 : 1, 0), Score::plus);
            }
            for (Label missed : open) {
                perType.merge(missed.type(), new Score(0, 0, 1), Score::plus);
            }
        }
        Score micro = perType.values().stream().reduce(new Score(0, 0, 0), Score::plus);
        return new Report(perType, micro);
    }

    private static Label toCodePoints(String text, Label l) {
        return new Label(l.type(), text.codePointCount(0, l.start()), text.codePointCount(0, l.end()));
    }
}
