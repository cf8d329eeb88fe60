package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.classify.eval.CorpusGenerator;
import dev.sightline.classify.eval.LabelledDocument;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ScannerPropertiesTest {

    private static final ContentScanner SCANNER = DetectorTest.SCANNER;
    private static final List<LabelledDocument> SEEDS = new CorpusGenerator(3).generate(50);

    @Property(tries = 300)
    void anyTextScansWithinBoundsInOrder(@ForAll("texts") String text) {
        assertWellFormed(text, SCANNER.scan(text));
    }

    @Property(tries = 300)
    void mutatedRealisticTextScansWithinBoundsInOrder(@ForAll("mutated") String text) {
        assertWellFormed(text, SCANNER.scan(text));
    }

    private static void assertWellFormed(String text, ScanResult result) {
        int length = text.codePointCount(0, text.length());
        assertThat(result.scannedCodePoints()).isEqualTo(length);
        Finding previous = null;
        for (Finding f : result.findings()) {
            assertThat(f.start()).isBetween(0, length);
            assertThat(f.end()).isBetween(f.start() + 1, length);
            assertThat(f.confidence()).isBetween(0.0, 1.0);
            assertThat(f.keyedHash()).hasSize(64);
            if (previous != null) {
                assertThat(f.start()).isGreaterThanOrEqualTo(previous.start());
            }
            previous = f;
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> alphabet = Arbitraries.strings().withChars("0123456789 -.@:/=+_()\"'\n*#xAKIAghp_sk-eyJ")
                .ofMaxLength(300);
        return Arbitraries.oneOf(alphabet, Arbitraries.strings().all().ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> mutated() {
        return Arbitraries.of(SEEDS).flatMap(doc -> {
            String text = doc.text();
            return Arbitraries.integers().between(0, text.length()).list().ofSize(4).flatMap(cuts ->
                    Arbitraries.strings().all().ofMaxLength(3).map(insert -> {
                        StringBuilder sb = new StringBuilder(text);
                        int at = Math.min(cuts.get(0), sb.length());
                        sb.insert(at, insert);
                        int from = Math.min(cuts.get(1), cuts.get(2));
                        int to = Math.min(Math.max(cuts.get(1), cuts.get(2)), sb.length());
                        if (from < to && to - from < 5) {
                            sb.delete(from, to);
                        }
                        return sb.toString();
                    }));
        });
    }
}
