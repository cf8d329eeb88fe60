package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetectorTest {

    static final ContentScanner SCANNER = new ContentScanner(
            ScannerConfig.of("detector-test-key-0123456789".getBytes(StandardCharsets.UTF_8))
                    .withOrgMarkers(List.of("com.acme."), List.of("Copyright Acme Corp", "CONFIDENTIAL - INTERNAL")));

    /** Text before the value: non-BMP and accented characters, so code-point offsets differ from char offsets. */
    private static final String UNICODE_PREFIX = "Grüße 😀 — ";

    static List<Arguments> positives() {
        return List.of(
                Arguments.of(FindingType.CREDIT_CARD, "card 4539 1488 0343 6467", "4539 1488 0343 6467"),
                Arguments.of(FindingType.CREDIT_CARD, "amex 3756 840192 73414", "3756 840192 73414"),
                Arguments.of(FindingType.CREDIT_CARD, "pay with 5425233430109903", "5425233430109903"),
                Arguments.of(FindingType.EMAIL_ADDRESS, "mail jane.doe@acme-corp.com", "jane.doe@acme-corp.com"),
                Arguments.of(FindingType.US_SSN, "SSN 536-22-8174", "536-22-8174"),
                Arguments.of(FindingType.US_SSN, "social security number 536228174", "536228174"),
                Arguments.of(FindingType.UK_NINO, "NI number AB 12 34 56 C", "AB 12 34 56 C"),
                Arguments.of(FindingType.IBAN, "IBAN DE75512108001245126199", "DE75512108001245126199"),
                Arguments.of(FindingType.IBAN, "IBAN NL02 ABNA 0123 4567 89", "NL02 ABNA 0123 4567 89"),
                Arguments.of(FindingType.PASSPORT_NUMBER, "passport no. 533380006", "533380006"),
                Arguments.of(FindingType.IP_ADDRESS, "client 34.201.12.7", "34.201.12.7"),
                Arguments.of(FindingType.IP_ADDRESS, "Connection to node 1 (broker-1/52.18.4.77:9092)", "52.18.4.77"),
                Arguments.of(FindingType.IP_ADDRESS, "client 2a00:1450:4001:824::200e", "2a00:1450:4001:824::200e"),
                Arguments.of(FindingType.IP_ADDRESS, "GET http://[2606:4700:3033::6815:3e1]:8443/x", "2606:4700:3033::6815:3e1"),
                Arguments.of(FindingType.PHONE_NUMBER, "call (415) 867-5309", "(415) 867-5309"),
                Arguments.of(FindingType.PHONE_NUMBER, "tel +44 20 7123 4567", "+44 20 7123 4567"),
                Arguments.of(FindingType.PHONE_NUMBER, "Marie: 06 12 34 56 78", "06 12 34 56 78"),
                // phone words and national formats of Spain, Italy and Germany (12 digits)
                Arguments.of(FindingType.PHONE_NUMBER, "Teléfono: 612 34 56 78", "612 34 56 78"),
                Arguments.of(FindingType.PHONE_NUMBER, "Il mio cellulare è 347 123 4567", "347 123 4567"),
                Arguments.of(FindingType.PHONE_NUMBER, "Handynummer: 0151 23456789", "0151 23456789"),
                Arguments.of(FindingType.PHONE_NUMBER, "my number is 612 34 56 78", "612 34 56 78"),
                Arguments.of(FindingType.PHONE_NUMBER, "order 7731: call the customer on number 612 34 56 78", "612 34 56 78"),
                Arguments.of(FindingType.US_NPI, "NPI 1234567893", "1234567893"),
                Arguments.of(FindingType.MEDICAL_RECORD_NUMBER, "MRN: 00123456", "00123456"),
                Arguments.of(FindingType.ICD10_CODE, "Diagnosis: E11.9", "E11.9"),
                Arguments.of(FindingType.ICD10_CODE, "Paciente: J45.9", "J45.9"),
                Arguments.of(FindingType.MEDICAL_RECORD_NUMBER, "Patientennummer: 40012345", "40012345"),
                Arguments.of(FindingType.US_SSN, "número de seguro social 536228174", "536228174"),
                Arguments.of(FindingType.PASSPORT_NUMBER, "Pasaporte: PAA123456", "PAA123456"),
                Arguments.of(FindingType.US_DEA_NUMBER, "DEA AB1234563", "AB1234563"),
                Arguments.of(FindingType.AWS_ACCESS_KEY_ID, "key AKIAZ3MSJV4WWFJNAQXB", "AKIAZ3MSJV4WWFJNAQXB"),
                Arguments.of(FindingType.AWS_SECRET_ACCESS_KEY, "aws_secret_access_key = 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",
                        "Zs8xUq3kE9lP0vRt7yWbN2mQc5HdJ6fA1gLo4iKe"),
                Arguments.of(FindingType.GITHUB_TOKEN, "token " + githubToken(), githubToken()),
                Arguments.of(FindingType.SLACK_TOKEN, "SLACK xoxb-123456789012-1234567890123-aB3dE5gH7jK9mN1pQ3sT5vW7",
                        "xoxb-123456789012-1234567890123-aB3dE5gH7jK9mN1pQ3sT5vW7"),
                Arguments.of(FindingType.SLACK_WEBHOOK_URL, "hook https://hooks.slack.com/services/T024BE7LD/B01ABCDEF12/aB3dE5gH7jK9mN1pQ3sT5vW7",
                        "https://hooks.slack.com/services/T024BE7LD/B01ABCDEF12/aB3dE5gH7jK9mN1pQ3sT5vW7"),
                Arguments.of(FindingType.STRIPE_SECRET_KEY, "stripe sk_live_51HqX9aB3dE5gH7jK9mN1pQ3s", "sk_live_51HqX9aB3dE5gH7jK9mN1pQ3s"),
                Arguments.of(FindingType.OPENAI_API_KEY, "key sk-proj-aB3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2dF4hJ6kL8", "sk-proj-aB3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2dF4hJ6kL8"),
                Arguments.of(FindingType.ANTHROPIC_API_KEY, "key " + anthropicKey(), anthropicKey()),
                Arguments.of(FindingType.GOOGLE_API_KEY, "maps AIzaSyB3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2dF4h", "AIzaSyB3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2dF4h"),
                Arguments.of(FindingType.JWT, "Bearer " + JWT, JWT),
                Arguments.of(FindingType.PRIVATE_KEY, PEM, PEM),
                Arguments.of(FindingType.CONNECTION_STRING_PASSWORD, "postgres://app:S3cr3tPa55@db.acme.io:5432/x", "S3cr3tPa55"),
                Arguments.of(FindingType.CONNECTION_STRING_PASSWORD, "Server=tcp:db;Database=o;User Id=u;Password=Hunt3r2!;", "Hunt3r2!"),
                Arguments.of(FindingType.GENERIC_SECRET, "my password is Tr0ub4dor&3", "Tr0ub4dor&3"),
                Arguments.of(FindingType.GENERIC_SECRET, "api_key: \"q8Zr2LmX9vK4pT7wN3bY6cH1\"", "q8Zr2LmX9vK4pT7wN3bY6cH1"),
                Arguments.of(FindingType.GENERIC_SECRET, "server.ssl.key-store-password=Kx9#mQ2vLp7", "Kx9#mQ2vLp7"),
                Arguments.of(FindingType.GENERIC_SECRET, "reset_token = q8Zr2LmX9vK4pT7wN3bY6cH1", "q8Zr2LmX9vK4pT7wN3bY6cH1"),
                Arguments.of(FindingType.GENERIC_SECRET, "Passwort: Tz8#qLw2vX", "Tz8#qLw2vX"),
                Arguments.of(FindingType.GENERIC_SECRET, "contraseña: Rq5!mZt8Lp", "Rq5!mZt8Lp"),
                // a few words between the password word and the value
                Arguments.of(FindingType.GENERIC_SECRET, "the password for the server is hunter2Xy", "hunter2Xy"),
                Arguments.of(FindingType.GENERIC_SECRET, "Das Passwort für den Server ist Tr0mb0ne#7", "Tr0mb0ne#7"),
                Arguments.of(FindingType.GENERIC_SECRET, "mot de passe du compte : Qm4!vRt9zL", "Qm4!vRt9zL"),
                Arguments.of(FindingType.GENERIC_SECRET, "password of admin account = Adm1n!2024x", "Adm1n!2024x"),
                Arguments.of(FindingType.GENERIC_SECRET, "la contraseña del servidor es Pz7$kQw2mN", "Pz7$kQw2mN"),
                Arguments.of(FindingType.GENERIC_SECRET, "het wachtwoord van de server is Gr8#tVb5Lq", "Gr8#tVb5Lq"),
                Arguments.of(FindingType.GENERIC_SECRET, "a senha do servidor é \"Kj3@wLp9Rx\"", "Kj3@wLp9Rx"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("positives")
    void findsEachTypeWithExactCodePointSpanAfterUnicodeAndBeforePunctuation(FindingType type, String text, String value) {
        for (String after : List.of("", ".", ",", ")", "!\n", "; next")) {
            String doc = UNICODE_PREFIX + text + after;
            List<Finding> found = SCANNER.scan(doc).findings().stream().filter(f -> f.type() == type).toList();
            assertThat(found).as("%s in <%s>", type, doc).hasSize(1);
            if (value != null) {
                int start = doc.codePointCount(0, doc.indexOf(value));
                assertThat(found.get(0).start()).isEqualTo(start);
                assertThat(found.get(0).end()).isEqualTo(start + value.codePointCount(0, value.length()));
            }
        }
    }

    static List<String> lookAlikes() {
        return List.of(
                "test card 4111 1111 1111 1111.", "stripe test 4242424242424242", "5555555555554444", "amex 378282246310005",
                "Order 4539148803436468 shipped", "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "write to jane@example.com or bob@corp.example or x@mail.test or y@foo.invalid or admin@localhost",
                "call (415) 555-0123", "+44 20 7946 0958", "07700 900123", "api_key = \"YOUR_API_KEY\"", "password=${DB_PASSWORD}",
                "token: <token>", "secret = \"changeme\"", "password: xxx", "card ****1234", "password: ********",
                "id 550e8400-e29b-41d4-a716-446655440000", "sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
                "Upgraded to version 1.2.3.4", "hosts 10.0.0.12 192.168.1.20 127.0.0.1 192.0.2.44 203.0.113.9",
                "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----",
                "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----",
                "Room B12 is booked; see section A10.2.", "SSN 078-05-1120", "NINO QQ123456C", "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "IBAN GB82 WEST 1234 5698 7654 32", "IBAN DE75512108001245126198",
                "SSN 666-12-3456", "DEA AB1234564", "NPI 1234567890", "max_tokens=4096", "the password is incorrect",
                "password_store = /var/lib/vault/kv2", "PASSWORD_MANAGER=Bitwarden7x", "password_reset: enabled_for_all",
                "Chrome/120.0.0.0 Safari/537.36", "postgres://user:password@db.acme.io/x", "postgres://app:S3cr3t99@localhost/x",
                "logo@2x.png", "git@github.com:acme/repo.git", "password = os.environ[\"DB_PASSWORD\"]",
                "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
                "Call 555-0142 for the demo", "phone: +1 555 0100", "Bel ons gerust, ticketnummer 2025-0314-77.",
                "Número de pedido 7731 2290, gracias.", "Passwort: ******", "contraseña: <TU_CONTRASEÑA>",
                "hosts ::1 :: fe80::1ff:fe23:4567:890a%eth0 fd12:3456:789a::1 2001:db8:85a3::8a2e:370:7334 ff02::1",
                "at 12:30:45 the MAC aa:bb:cc:dd:ee:ff moved; std::string a::b; ::ffff:192.168.1.20",
                "the password policy is strict", "password must be at least 12 characters", "the password is in the vault",
                "Passwort vergessen?", "The password for the server is stored in Vault.", "Das Passwort für den Server ist abgelaufen.",
                "Le mot de passe du compte est expiré.", "password of admin account = ${ADMIN_PASSWORD}",
                "the password manager for the team is Bitwarden7x", "the password length for new accounts is 12chars",
                "la contraseña del servidor es secreta", "the password for the VPN is: see 1Password, entry vpn-prod",
                "Order number 7731 2290", "invoice number 4471 9920 is paid", "your ticket number: 5521 778 4410",
                "account number 612 34 56 78");
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void rejectsLookAlikes(String text) {
        assertThat(SCANNER.scan(UNICODE_PREFIX + text).findings()).as(text).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("positives")
    void findsNothingWhenTheContextOrShapeIsBroken(FindingType type, String text, String value) {
        String glued = "x" + text.replace(" ", "_") + "9";
        assertThat(SCANNER.scan(glued).findings()).extracting(Finding::type).doesNotContain(FindingType.US_SSN,
                FindingType.US_NPI, FindingType.MEDICAL_RECORD_NUMBER, FindingType.ICD10_CODE, FindingType.PASSPORT_NUMBER);
    }

    @org.junit.jupiter.api.Test
    void icd10NeedsClinicalContext() {
        assertThat(SCANNER.scan("Patient presents with polyuria. Dx: E11.9").findings()).extracting(Finding::type)
                .containsExactly(FindingType.ICD10_CODE);
        assertThat(SCANNER.scan("The E11.9 router firmware shipped in F32.9 form.").findings()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void reportsOneSpanPerCodeRegionAndMarksProprietaryCode() {
        String text = "Please review:\n// Copyright Acme Corp\npackage com.acme.billing;\n\npublic class Invoice {\n"
                + "    private int total = 0;\n    public int total() { return total; }\n}\nThanks a lot for looking at it.";
        List<Finding> found = SCANNER.scan(text).findings();
        assertThat(found).extracting(Finding::type).containsExactlyInAnyOrder(FindingType.PROPRIETARY_CODE, FindingType.SOURCE_CODE);
        Finding code = found.get(0);
        assertThat(text.substring(code.start(), code.end())).startsWith("// Copyright").endsWith("}");
        assertThat(SCANNER.scan("import os\nprint(os.environ)\n").findings()).extracting(Finding::type)
                .containsExactly(FindingType.SOURCE_CODE);
        assertThat(SCANNER.scan("We met on Monday. For the next step, if possible, return the forms.").findings()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void organisationMarkersMayHoldDigits() {
        // digits then step the automaton (they do not in the rules' anchors, where a number is skipped at once)
        ContentScanner scanner = new ContentScanner(ScannerConfig.of("detector-test-key-0123456789".getBytes(StandardCharsets.UTF_8))
                .withOrgMarkers(List.of("com.acme2024."), List.of("(c) 2024-2025 Acme")));
        String code = "\npublic class Invoice {\n    private int total = 0;\n}\n";
        assertThat(scanner.scan("// (c) 2024-2025 Acme" + code).findings()).extracting(Finding::type)
                .containsExactlyInAnyOrder(FindingType.PROPRIETARY_CODE, FindingType.SOURCE_CODE);
        assertThat(scanner.scan("import com.acme2024.billing;" + code).findings()).extracting(Finding::type)
                .containsExactlyInAnyOrder(FindingType.PROPRIETARY_CODE, FindingType.SOURCE_CODE);
        assertThat(scanner.scan("// (c) 2023-2025 Acme" + code).findings()).extracting(Finding::type)
                .containsExactly(FindingType.SOURCE_CODE);
    }

    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
            + "VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----";

    static String githubToken() {
        String body = "aB3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2";
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return "ghp_" + body + Checksums.base62(crc.getValue(), 6);
    }

    static String anthropicKey() {
        return "sk-ant-api03-" + "aB3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2dF4hJ6kL8mN0pQ2rS4tU6vW8xY0zA1bC3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7b_-Q" + "AA";
    }
}
