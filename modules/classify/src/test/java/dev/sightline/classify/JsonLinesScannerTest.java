package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonLinesScannerTest {

    @Test
    void writesOneLinePerDocumentAndReportsBadLinesByNumberWithoutTheirContent() throws Exception {
        String input = """
                {"id":"a","text":"mail jane.doe@acme-corp.com"}
                {"id":2,"text":"nothing here"}
                {"id":"c","text": 4111-secret-oops
                ["not","an","object"]

                {"id":"e"}
                {"id":"f","text":"Grüße 😀 SSN 536-22-8174."}
                """;
        StringWriter out = new StringWriter();
        StringWriter errors = new StringWriter();
        JsonLinesScanner.Summary summary = new JsonLinesScanner(DetectorTest.SCANNER)
                .run(new StringReader(input), out, errors);
        assertThat(out.toString().lines()).containsExactly(
                "{\"id\":\"a\",\"findings\":[{\"type\":\"EMAIL_ADDRESS\",\"data_class\":\"PII\",\"start\":5,\"end\":27,\"confidence\":0.95}]}",
                "{\"id\":2,\"findings\":[]}",
                "{\"id\":\"f\",\"findings\":[{\"type\":\"US_SSN\",\"data_class\":\"PII\",\"start\":12,\"end\":23,\"confidence\":0.98}]}");
        assertThat(errors.toString().lines()).hasSize(3);
        assertThat(errors.toString()).contains("line 3: not valid JSON").contains("line 4: expected a JSON object")
                .contains("line 6: field \"text\" is missing").doesNotContain("secret-oops");
        assertThat(summary).isEqualTo(new JsonLinesScanner.Summary(3, 2, 3));
    }
}
