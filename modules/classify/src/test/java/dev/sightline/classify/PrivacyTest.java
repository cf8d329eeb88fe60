package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.classify.eval.CorpusGenerator;
import dev.sightline.classify.eval.Evaluation;
import dev.sightline.classify.eval.LabelledDocument;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No raw value appears in any output string: previews, hashes, toString, JSON lines. */
class PrivacyTest {

    @Test
    void noRawValueInAnyFindingString() throws Exception {
        ContentScanner scanner = Evaluation.scanner();
        List<LabelledDocument> corpus = new CorpusGenerator(11).generate(400);
        StringBuilder input = new StringBuilder();
        int checked = 0;
        for (LabelledDocument doc : corpus) {
            ScanResult result = scanner.scan(doc.text());
            String printed = result.toString();
            for (LabelledDocument.Label label : doc.labels()) {
                if (label.type().isRegion()) {
                    continue;
                }
                String raw = doc.text().substring(label.start(), label.end());
                assertThat(printed).as("result text of %s", label.type()).doesNotContain(raw);
                checked++;
            }
            input.append(com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                    .writeValueAsString(java.util.Map.of("id", doc.id(), "text", doc.text()))).append('\n');
        }
        assertThat(checked).isGreaterThan(500);
        StringWriter out = new StringWriter();
        new JsonLinesScanner(scanner).run(new StringReader(input.toString()), out, new StringWriter());
        for (LabelledDocument doc : corpus) {
            for (LabelledDocument.Label label : doc.labels()) {
                if (!label.type().isRegion()) {
                    assertThat(out.toString()).doesNotContain(doc.text().substring(label.start(), label.end()));
                }
            }
        }
    }
}
