package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MaskingAndHashTest {

    private static final byte[] KEY = "masking-test-key-0123456789".getBytes(StandardCharsets.UTF_8);
    private final ContentScanner scanner = new ContentScanner(ScannerConfig.of(KEY));

    private Finding only(String text) {
        List<Finding> findings = scanner.scan(text).findings();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    @Test
    void previewsShowOnlyEdges() {
        assertThat(only("card 4539 1488 0343 6467").maskedPreview()).isEqualTo("4539 **** **** 6467");
        assertThat(only("key AKIAZ3MSJV4WWFJNAQXB").maskedPreview()).isEqualTo("AKIA****AQXB");
        assertThat(only("mail jane.doe@acme-corp.com").maskedPreview()).isEqualTo("j***@acme-corp.com");
        assertThat(only("SSN 536-22-8174").maskedPreview()).isEqualTo("***-**-8174");
        assertThat(only("postgres://app:S3cr3tPa55@db.acme.io/x").maskedPreview()).isEqualTo("****");
        assertThat(only("client 34.201.12.7").maskedPreview()).isEqualTo("34.201.*.*");
    }

    @Test
    void hashIsHmacSha256OfTheCanonicalValueSoFormattingDoesNotMatter() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("4539148803436467".getBytes(StandardCharsets.UTF_8)));
        assertThat(only("card 4539 1488 0343 6467").keyedHash()).isEqualTo(expected);
        assertThat(only("card 4539-1488-0343-6467").keyedHash()).isEqualTo(expected);
        assertThat(only("card 4539148803436467").keyedHash()).isEqualTo(expected);
    }

    @Test
    void anotherKeyGivesAnotherHash() {
        ContentScanner other = new ContentScanner(ScannerConfig.of("another-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        assertThat(other.scan("card 4539148803436467").findings().get(0).keyedHash())
                .isNotEqualTo(only("card 4539148803436467").keyedHash());
    }

    @Test
    void configNeverPrintsItsKeyAndRejectsBadValues() {
        ScannerConfig config = ScannerConfig.of(KEY);
        assertThat(config.toString()).doesNotContain("masking-test-key").contains("27 bytes");
        assertThatThrownBy(() -> ScannerConfig.of(new byte[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> config.withMaxBytes(0)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> config.withOrgMarkers(List.of(" "), List.of())).hasMessageContaining("codeNamespaces");
    }

    @Test
    void truncatesAtMaxBytesAndSaysSo() {
        ContentScanner small = new ContentScanner(ScannerConfig.of(KEY).withMaxBytes(40));
        String text = "Grüße 😀 card 4539148803436467 and then mail jane.doe@acme-corp.com";
        ScanResult result = small.scan(text);
        assertThat(result.truncated()).isTrue();
        assertThat(result.findings()).extracting(Finding::type).containsExactly(FindingType.CREDIT_CARD);
        String scanned = text.substring(0, text.offsetByCodePoints(0, result.scannedCodePoints()));
        assertThat(scanned.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(40);
        assertThat(scanner.scan(text).truncated()).isFalse();
    }

    @Test
    void codeLinesCountedAsStringLines() {
        for (String code : List.of("", "a", "a\n", "\n", "a\nb", "a\r\nb\r\n", "a\rb\n\nc", "\r\n\r", "x\n\r\ny")) {
            assertThat(Masking.lineCount(code)).as(code).isEqualTo((int) code.lines().count());
        }
    }
}
