package dev.sightline.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32;

/**
 * Generates sensitive values that pass the checks a real detector applies (Luhn, IBAN mod-97, SSN and NINO rules, NPI
 * Luhn with the 80840 prefix, the GitHub token CRC32), and the look-alikes a detector must not report (published test
 * numbers, documentation keys, reserved example domains, fictional phone ranges, placeholders). Values are made up
 * from the caller's random source, so a seed reproduces them.
 */
public final class SensitiveValues {
    private static final String DIGITS = "0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String BASE64 = BASE62 + "+/";
    private static final String KEY_CHARS = BASE62 + "_-";
    private static final String PASSWORD_CHARS = BASE62 + "!#%^*_-";

    /** Card numbers published by payment processors for testing: negatives, though Luhn-valid. */
    public static final Set<String> TEST_CARD_NUMBERS = Set.of("4111111111111111", "4242424242424242",
            "5555555555554444", "378282246310005", "4012888888881881", "6011111111111117", "5105105105105100");
    /** The access key id and secret of the AWS documentation: negatives. */
    public static final String AWS_EXAMPLE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String AWS_EXAMPLE_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final List<String> CARD_PREFIXES = List.of("4", "4", "4", "51", "52", "53", "54", "55", "2221",
            "2720", "34", "37", "6011");
    private static final List<String> IBAN_COUNTRIES = List.of("DE", "GB", "NL", "IE", "FR");
    private static final List<String> BANK_CODES = List.of("NWBK", "BARC", "HBUK", "LOYD", "MIDL", "ABNA", "INGB",
            "RABO", "AIBK", "BOFI");
    /** Real US area codes: the fictional range is the 555-01xx exchange, not the area code. */
    private static final List<String> US_AREA_CODES = List.of("212", "415", "617", "312", "206", "303", "512", "404",
            "718", "646", "213", "305", "702", "919");
    private static final List<String> EMAIL_DOMAINS = List.of("gmail.com", "outlook.com", "yahoo.com", "icloud.com",
            "proton.me", "gmx.de", "hotmail.co.uk", "brightwave-logistics.com", "meridian-health.org",
            "kestrel-capital.com", "northgate-retail.co.uk", "solano-partners.com");
    private static final List<String> ICD10_CODES = List.of("E11.9", "I10", "J45.909", "J18.9", "M54.50", "F32.9",
            "N39.0", "K21.9", "E78.5", "I25.10", "C50.911", "Z79.4", "R07.9", "G43.909", "S72.001A", "E66.9");
    private static final List<String> GIVEN = List.of("marta", "daniel", "aisha", "tom", "li", "sofia", "raj",
            "emma", "lucas", "nora", "omar", "julia", "ken", "fatima", "ivan", "grace");
    private static final List<String> FAMILY = List.of("kowalski", "nguyen", "okafor", "schmidt", "patel", "garcia",
            "oconnor", "tanaka", "haddad", "silva", "berg", "moreau", "chen", "walsh", "novak", "ibrahim");

    private SensitiveValues() {
    }

    // ---- PCI ----

    /** A Luhn-valid card number of a real scheme (Visa, Mastercard, Amex, Discover), digits only, never a test number. */
    public static String creditCardNumber(RandomGenerator rng) {
        while (true) {
            String prefix = pick(rng, CARD_PREFIXES);
            int length = prefix.startsWith("3") ? 15 : 16;
            StringBuilder sb = new StringBuilder(length).append(prefix);
            appendRandom(sb, rng, DIGITS, length - 1 - prefix.length());
            String number = sb.append(luhnCheckDigit(sb)).toString();
            if (!TEST_CARD_NUMBERS.contains(number)) {
                return number;
            }
        }
    }

    /** The card number as people type it: contiguous, in groups of four (Amex 4-6-5), with spaces or dashes. */
    public static String formatCard(String digits, RandomGenerator rng) {
        int style = rng.nextInt(3);
        if (style == 0) {
            return digits;
        }
        char sep = style == 1 ? ' ' : '-';
        int[] groups = digits.length() == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4};
        StringBuilder sb = new StringBuilder(digits.length() + 4);
        int at = 0;
        for (int g : groups) {
            if (at > 0) {
                sb.append(sep);
            }
            sb.append(digits, at, at + g);
            at += g;
        }
        return sb.toString();
    }

    public static boolean isLuhnValid(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }

    // ---- PII ----

    /** An IBAN with valid mod-97 check digits, in the compact electronic form. */
    public static String iban(RandomGenerator rng) {
        String country = pick(rng, IBAN_COUNTRIES);
        StringBuilder bban = new StringBuilder(30);
        switch (country) {
            case "DE" -> appendRandom(bban, rng, DIGITS, 18);
            case "GB", "IE" -> appendRandom(bban.append(pick(rng, BANK_CODES)), rng, DIGITS, 14);
            case "NL" -> appendRandom(bban.append(pick(rng, BANK_CODES)), rng, DIGITS, 10);
            default -> appendRandom(bban, rng, DIGITS, 23); // FR: bank, branch, account, RIB key
        }
        int check = 98 - mod97(bban + country + "00");
        return country + (check < 10 ? "0" : "") + check + bban;
    }

    /** The IBAN in the print form: groups of four separated by spaces. */
    public static String formatIban(String iban) {
        StringBuilder sb = new StringBuilder(iban.length() + iban.length() / 4);
        for (int i = 0; i < iban.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(iban, i, Math.min(iban.length(), i + 4));
        }
        return sb.toString();
    }

    public static boolean isIbanValid(String iban) {
        String compact = iban.replace(" ", "");
        return compact.length() >= 15 && compact.length() <= 34
                && mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    /** A US SSN {@code AAA-GG-SSSS}: area 001-899 but not 666, group 01-99, serial 0001-9999. */
    public static String usSsn(RandomGenerator rng) {
        int area;
        do {
            area = 1 + rng.nextInt(899);
        } while (area == 666);
        return String.format("%03d-%02d-%04d", area, 1 + rng.nextInt(99), 1 + rng.nextInt(9999));
    }

    /** A UK National Insurance number with an allocatable prefix, e.g. {@code JK 48 12 77 C}. */
    public static String ukNino(RandomGenerator rng) {
        String first = "ABCEGHJKLMNOPRSTWXYZ";
        String second = "ABCEGHJKLMNPRSTWXYZ";
        String prefix;
        do {
            prefix = "" + first.charAt(rng.nextInt(first.length())) + second.charAt(rng.nextInt(second.length()));
        } while (Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix));
        return String.format("%s %02d %02d %02d %c", prefix, rng.nextInt(100), rng.nextInt(100), rng.nextInt(100),
                "ABCD".charAt(rng.nextInt(4)));
    }

    /** A personal or business e-mail address at a real-looking, non-reserved domain. */
    public static String email(RandomGenerator rng) {
        String given = pick(rng, GIVEN);
        String family = pick(rng, FAMILY);
        String local = switch (rng.nextInt(3)) {
            case 0 -> given + "." + family;
            case 1 -> given.charAt(0) + family;
            default -> given + family.charAt(0) + (1960 + rng.nextInt(45));
        };
        return local + "@" + pick(rng, EMAIL_DOMAINS);
    }

    /** A US or UK phone number outside the fictional ranges (US 555-01xx, UK 07700 900xxx). */
    public static String phoneNumber(RandomGenerator rng) {
        if (rng.nextBoolean()) {
            int exchange;
            do {
                exchange = 200 + rng.nextInt(800);
            } while (exchange == 555);
            String area = pick(rng, US_AREA_CODES);
            return rng.nextBoolean() ? String.format("(%s) %03d-%04d", area, exchange, rng.nextInt(10000))
                    : String.format("+1 %s %03d %04d", area, exchange, rng.nextInt(10000));
        }
        return String.format("+44 7%d%02d %06d", 4 + rng.nextInt(6), rng.nextInt(100), rng.nextInt(1_000_000));
    }

    // ---- PHI ----

    /** A US National Provider Identifier: 10 digits, check digit by Luhn over {@code 80840} and the first nine. */
    public static String npi(RandomGenerator rng) {
        StringBuilder sb = new StringBuilder("80840").append(1 + rng.nextInt(2));
        appendRandom(sb, rng, DIGITS, 8);
        return sb.substring(5) + luhnCheckDigit(sb);
    }

    public static boolean isNpiValid(String npi) {
        return npi.length() == 10 && isLuhnValid("80840" + npi);
    }

    public static String medicalRecordNumber(RandomGenerator rng) {
        return String.format("%08d", rng.nextInt(100_000_000));
    }

    public static String icd10Code(RandomGenerator rng) {
        return pick(rng, ICD10_CODES);
    }

    // ---- secrets ----

    public static String awsAccessKeyId(RandomGenerator rng) {
        return appendRandom(new StringBuilder(20).append("AKIA"), rng, BASE32, 16).toString();
    }

    public static String awsSecretAccessKey(RandomGenerator rng) {
        return appendRandom(new StringBuilder(40), rng, BASE64, 40).toString();
    }

    /** A classic personal access token: {@code ghp_}, 30 random base62 characters, their CRC32 in 6 base62 digits. */
    public static String githubToken(RandomGenerator rng) {
        String random = appendRandom(new StringBuilder(30), rng, BASE62, 30).toString();
        return "ghp_" + random + githubChecksum(random);
    }

    public static boolean isGithubTokenValid(String token) {
        return token.length() == 40 && token.startsWith("ghp_")
                && githubChecksum(token.substring(4, 34)).equals(token.substring(34));
    }

    /** An OpenAI project key: {@code sk-proj-}, with the {@code T3BlbkFJ} marker OpenAI keys carry. */
    public static String openAiKey(RandomGenerator rng) {
        StringBuilder sb = new StringBuilder(150).append("sk-proj-");
        appendRandom(sb, rng, KEY_CHARS, 64).append("T3BlbkFJ");
        return appendRandom(sb, rng, KEY_CHARS, 64).toString();
    }

    /** A PEM private key block (PKCS#1 RSA or OpenSSH) with a plausible body. */
    public static String privateKeyBlock(RandomGenerator rng) {
        boolean openSsh = rng.nextBoolean();
        String kind = openSsh ? "OPENSSH PRIVATE KEY" : "RSA PRIVATE KEY";
        StringBuilder sb = new StringBuilder(1200).append("-----BEGIN ").append(kind).append("-----\n");
        StringBuilder body = new StringBuilder(900).append(openSsh ? "b3BlbnNzaC1rZXktdjEAAAAA" : "MIIEpAIBAAKCAQEA");
        appendRandom(body, rng, BASE64, 64 * 12 - body.length());
        for (int i = 0; i < body.length(); i += 64) {
            sb.append(body, i, i + 64).append('\n');
        }
        return sb.append("-----END ").append(kind).append("-----").toString();
    }

    /** A signed HS256 JSON Web Token with a realistic payload. */
    public static String jwt(RandomGenerator rng, String subject, long issuedAtEpochSeconds) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = "{\"sub\":\"" + subject + "\",\"iat\":" + issuedAtEpochSeconds + ",\"exp\":"
                + (issuedAtEpochSeconds + 3600) + ",\"scope\":\"read write\"}";
        byte[] signature = new byte[32];
        rng.nextBytes(signature);
        return header + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(signature);
    }

    /** A database connection string with an embedded password, in one of the common notations. */
    public static String connectionString(RandomGenerator rng, String orgDomain) {
        String password = appendRandom(new StringBuilder(18), rng, PASSWORD_CHARS, 18).toString();
        return switch (rng.nextInt(3)) {
            case 0 -> "postgresql://svc_billing:" + password + "@db-prod-0" + (1 + rng.nextInt(4)) + ".internal."
                    + orgDomain + ":5432/billing";
            case 1 -> "Server=tcp:sql-crm-prod.database.windows.net,1433;Database=crm;User ID=crm_app;Password="
                    + password + ";Encrypt=True;";
            default -> "mongodb+srv://reporting:" + password + "@cluster0.x7kq2.mongodb.net/analytics";
        };
    }

    // ---- helpers ----

    static <T> T pick(RandomGenerator rng, List<T> items) {
        return items.get(rng.nextInt(items.size()));
    }

    static StringBuilder appendRandom(StringBuilder sb, RandomGenerator rng, String alphabet, int count) {
        for (int i = 0; i < count; i++) {
            sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return sb;
    }

    /** The digit that makes {@code payload + digit} Luhn-valid. */
    private static char luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** The remainder mod 97 of the number the IBAN rules make of the text (letters count as 10..35). */
    private static int mod97(String text) {
        int remainder = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : UPPER.indexOf(c) + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder;
    }

    private static String githubChecksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
