package dev.sightline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Every generated value passes an independent implementation of its format's check. */
class SensitiveValuesTest {
    private static final int N = 1_000;
    private final SplittableRandom rng = new SplittableRandom(7);

    @Test
    void cardNumbersAreLuhnValidRealSchemesAndNeverTestNumbers() {
        for (int i = 0; i < N; i++) {
            String card = SensitiveValues.creditCardNumber(rng);
            assertThat(card).matches("(4\\d{15}|5[1-5]\\d{14}|2(221|720)\\d{12}|3[47]\\d{13}|6011\\d{12})");
            assertThat(luhn(card)).as(card).isTrue();
            assertThat(SensitiveValues.TEST_CARD_NUMBERS).doesNotContain(card);
            assertThat(SensitiveValues.formatCard(card, rng).replaceAll("[ -]", "")).isEqualTo(card);
        }
        SensitiveValues.TEST_CARD_NUMBERS.forEach(test -> assertThat(luhn(test)).isTrue());
        assertThat(SensitiveValues.isLuhnValid("4111111111111112")).isFalse();
    }

    @Test
    void ibansPassMod97() {
        for (int i = 0; i < N; i++) {
            String iban = SensitiveValues.iban(rng);
            assertThat(iban).matches("(DE\\d{20}|GB\\d{2}[A-Z]{4}\\d{14}|IE\\d{2}[A-Z]{4}\\d{14}|NL\\d{2}[A-Z]{4}\\d{10}"
                    + "|FR\\d{25})");
            String rearranged = iban.substring(4) + iban.substring(0, 4);
            StringBuilder digits = new StringBuilder();
            rearranged.chars().forEach(c -> digits.append(Character.isDigit(c) ? String.valueOf((char) c)
                    : String.valueOf(c - 'A' + 10)));
            assertThat(new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue()).as(iban)
                    .isEqualTo(1);
            assertThat(SensitiveValues.isIbanValid(SensitiveValues.formatIban(iban))).isTrue();
        }
        assertThat(SensitiveValues.isIbanValid("GB82WEST12345698765433")).isFalse();
    }

    @Test
    void ssnsAndNinosFollowTheAllocationRules() {
        for (int i = 0; i < N; i++) {
            String ssn = SensitiveValues.usSsn(rng);
            assertThat(ssn).matches("(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}");
            String nino = SensitiveValues.ukNino(rng);
            assertThat(nino).matches("(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] \\d{2} \\d{2} \\d{2} [A-D]");
        }
    }

    @Test
    void npisPassLuhnWithThePrefix() {
        for (int i = 0; i < N; i++) {
            String npi = SensitiveValues.npi(rng);
            assertThat(npi).matches("[12]\\d{9}");
            assertThat(luhn("80840" + npi)).as(npi).isTrue();
        }
    }

    @Test
    void secretsHaveTheirVendorsShapes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < N; i++) {
            String keyId = SensitiveValues.awsAccessKeyId(rng);
            assertThat(keyId).matches("AKIA[A-Z2-7]{16}").isNotEqualTo(SensitiveValues.AWS_EXAMPLE_ACCESS_KEY_ID);
            assertThat(SensitiveValues.awsSecretAccessKey(rng)).matches("[A-Za-z0-9/+]{40}");

            String token = SensitiveValues.githubToken(rng);
            assertThat(token).matches("ghp_[A-Za-z0-9]{36}");
            CRC32 crc = new CRC32();
            crc.update(token.substring(4, 34).getBytes(StandardCharsets.US_ASCII));
            assertThat(base62(crc.getValue())).isEqualTo(token.substring(34));

            assertThat(SensitiveValues.openAiKey(rng)).matches("sk-proj-[A-Za-z0-9_-]{64}T3BlbkFJ[A-Za-z0-9_-]{64}");

            String jwt = SensitiveValues.jwt(rng, "svc-1", 1_770_000_000L);
            String[] parts = jwt.split("\\.");
            assertThat(parts).hasSize(3);
            JsonNode header = mapper.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode payload = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(header.get("alg").asText()).isEqualTo("HS256");
            assertThat(payload.get("exp").asLong()).isGreaterThan(payload.get("iat").asLong());
            assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(32);

            assertThat(SensitiveValues.privateKeyBlock(rng))
                    .matches("(?s)-----BEGIN (RSA|OPENSSH) PRIVATE KEY-----\n([A-Za-z0-9+/]{64}\n){12}"
                            + "-----END \\1 PRIVATE KEY-----");
            assertThat(SensitiveValues.connectionString(rng, "acme-corp.example"))
                    .matches("(?i).*(://\\w+:[^@]{18}@|Password=[^;]{18};).*");
        }
    }

    @Test
    void contactDataAvoidsReservedAndFictionalRanges() {
        for (int i = 0; i < N; i++) {
            assertThat(SensitiveValues.email(rng)).matches("[a-z0-9.]+@[a-z0-9.-]+\\.[a-z]+")
                    .doesNotContain("example.");
            assertThat(SensitiveValues.phoneNumber(rng)).doesNotContain(" 555-", " 555 ").doesNotContain("7700 9");
        }
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    private static String base62(long value) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.insert(0, alphabet.charAt((int) (value % 62)));
            value /= 62;
        }
        return sb.toString();
    }
}
