package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.classify.eval.CorpusGenerator;
import dev.sightline.classify.eval.Evaluation;
import dev.sightline.classify.eval.LabelledDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Re-computes the evaluation on a fixed seed; the figures are not stored anywhere. */
class EvaluationTest {

    private final List<LabelledDocument> corpus = new CorpusGenerator(20240501L).generate(1200);

    @Test
    void meetsTheTargetsOnAFixedSeed() {
        Evaluation.Report report = Evaluation.evaluate(Evaluation.scanner(), corpus);
        assertThat(report.micro().precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(report.micro().recall()).isGreaterThanOrEqualTo(0.95);
        report.perType().forEach((type, score) -> assertThat(score.f1()).as(type.name()).isGreaterThanOrEqualTo(0.90));
        assertThat(report.perType()).hasSizeGreaterThanOrEqualTo(FindingType.values().length);
    }

    @Test
    void prefilterFindsExactlyWhatTheNaiveScanFinds() {
        ContentScanner scanner = Evaluation.scanner();
        for (LabelledDocument doc : corpus.subList(0, 300)) {
            assertThat(scanner.scan(doc.text())).as(doc.id()).isEqualTo(scanner.scanWithoutPrefilter(doc.text()));
        }
    }
}
