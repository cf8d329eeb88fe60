package dev.sightline.classify.eval;

import dev.sightline.classify.FindingType;
import dev.sightline.classify.eval.LabelledDocument.Label;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * A seeded generator of realistic labelled text: prompts, support tickets, clinical notes, code, configs and logs,
 * with positives whose check digits are computed here (independently of the detectors) and hard negatives (test
 * cards, documentation keys, reserved domains, placeholders, masked values, UUIDs, digests, versions, fictional
 * phone numbers, private addresses, public keys).
 */
public final class CorpusGenerator {

    public static final String ORG_NAMESPACE = "com.acme.";
    public static final String ORG_NOTICE = "Copyright Acme Corp";

    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String[] FIRST = {"Jane", "Omar", "Priya", "Lukas", "Mei", "Carlos", "Aisha", "Tom", "Sofia", "Kenji", "Émile", "Zoë"};
    private static final String[] LAST = {"Doe", "Haddad", "Sharma", "Müller", "Chen", "Garcia", "Okafor", "Smith", "Rossi", "Sato", "Dubois", "O'Neil"};
    private static final String[] DOMAINS = {"acme-corp.com", "gmail.com", "outlook.co.uk", "contoso.io", "uni-heidelberg.de", "globex.net", "initech.org", "mail.acme.com"};
    private static final String[] ICD = {"E11.9", "I10", "J45.909", "F32.9", "M54.5", "K21.9", "N39.0", "R51", "Z00.00", "E78.5", "G43.909", "J06.9", "I25.10", "E66.9", "F41.1", "S72.001A", "C50.911", "J18.9", "E03.9", "L40.0"};

    private final Random random;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Writes {@code {"id","text"}} JSON lines, the input of {@code scan} and {@code bench scan}: SEED DOCUMENTS FILE. */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: CorpusGenerator SEED DOCUMENTS FILE");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            for (LabelledDocument d : new CorpusGenerator(Long.parseLong(args[0])).generate(Integer.parseInt(args[1]))) {
                out.write(json.writeValueAsString(Map.of("id", d.id(), "text", d.text())));
                out.newLine();
            }
        }
    }

    public List<LabelledDocument> generate(int documents) {
        List<Supplier<Doc>> kinds = List.of(this::prompt, this::supportTicket, this::clinicalNote, this::codeSnippet,
                this::config, this::log, this::hardNegatives, this::prose);
        List<LabelledDocument> out = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            Doc d = kinds.get(random.nextInt(kinds.size())).get();
            out.add(new LabelledDocument("doc-" + i, d.text.toString(), d.labels));
        }
        return out;
    }

    /** A document under construction: text plus the labels of the values appended. */
    private static final class Doc {
        final StringBuilder text = new StringBuilder();
        final List<Label> labels = new ArrayList<>();

        Doc add(String s) {
            text.append(s);
            return this;
        }

        Doc value(FindingType type, String value) {
            int start = text.length();
            text.append(value);
            labels.add(new Label(type, start, text.length()));
            return this;
        }

        /** A value whose reported span is only a part of what is appended (a password inside a URI). */
        Doc valueWithin(FindingType type, String before, String value, String after) {
            text.append(before);
            return value(type, value).add(after);
        }
    }

    // ---- documents -------------------------------------------------------------------------------------------

    private Doc prompt() {
        Doc d = new Doc();
        String name = name();
        switch (random.nextInt(6)) {
            case 0 -> d.add(pick("Can you", "Please", "Could you", "pls")).add(" rewrite this email to " + name + " (")
                    .value(FindingType.EMAIL_ADDRESS, email(name)).add(") so it sounds friendlier? Her number is ")
                    .value(FindingType.PHONE_NUMBER, phone()).add(pick(".", "", "!", " btw."));
            case 1 -> d.add("Summarise this customer record: name " + name + ", SSN ").value(FindingType.US_SSN, ssn(true))
                    .add(", card ").value(FindingType.CREDIT_CARD, card()).add(pick(".", ",", " - thanks", ""));
            case 2 -> d.add("Why does my script fail? I set OPENAI_API_KEY=").value(FindingType.OPENAI_API_KEY, openAiKey())
                    .add(pick(" and it says 401.", "\nbut nothing works", ". Help!"));
            case 3 -> d.add("Translate to German: \"Please wire the deposit to IBAN ").value(FindingType.IBAN, iban())
                    .add(" by Friday" + pick(".\"", "\"", "!\""));
            case 4 -> d.add("Draft a letter for " + name + ", National Insurance number ").value(FindingType.UK_NINO, nino())
                    .add(pick(", about the tax refund.", ". Keep it short.", ""));
            default -> d.add("My anthropic key ").value(FindingType.ANTHROPIC_API_KEY, anthropicKey())
                    .add(pick(" stopped working, why?", " is rejected.", ""));
        }
        return d;
    }

    private Doc supportTicket() {
        Doc d = new Doc();
        d.add("Ticket #" + (10000 + random.nextInt(90000)) + " - " + pick("Billing issue", "Refund request", "Login problem") + "\n");
        d.add("Customer: " + name() + " <").value(FindingType.EMAIL_ADDRESS, email(name())).add(">\n");
        d.add(pick("Phone: ", "Tel ", "Callback number: ", "contact ")).value(FindingType.PHONE_NUMBER, phone()).add("\n");
        if (random.nextBoolean()) {
            d.add("Customer says the card ending in ****" + digits(4) + " was charged twice. Full number given: ")
                    .value(FindingType.CREDIT_CARD, card()).add(pick(".", "", " (visa)") + "\n");
        }
        if (random.nextBoolean()) {
            d.add("Login from ").value(FindingType.IP_ADDRESS, publicIp()).add(pick(" failed 3 times.", ", blocked.", " at 09:14") + "\n");
        }
        if (random.nextBoolean()) {
            d.add("Refund to IBAN: ").value(FindingType.IBAN, iban()).add("\n");
        }
        d.add("Agent note: verified via passport number ").value(FindingType.PASSPORT_NUMBER, passport()).add(".\n");
        return d;
    }

    private Doc clinicalNote() {
        Doc d = new Doc();
        d.add(pick("Patient", "Pt", "PATIENT") + " " + name() + ", " + (20 + random.nextInt(70)) + "y. ");
        d.add(pick("MRN: ", "MRN# ", "Medical record number ", "MRN ")).value(FindingType.MEDICAL_RECORD_NUMBER, mrn()).add(".\n");
        d.add(pick("Presents with", "Complains of", "History of") + " " + pick("polyuria and fatigue", "chest pain", "persistent cough", "low back pain") + ".\n");
        d.add(pick("Dx: ", "Diagnosis: ", "Assessment: ", "ICD-10 ")).value(FindingType.ICD10_CODE, pick(ICD));
        if (random.nextBoolean()) {
            d.add(pick(", ", " and ", "; ")).value(FindingType.ICD10_CODE, pick(ICD));
        }
        d.add(".\n" + pick("Prescriber", "Ordering physician", "Attending") + " Dr. " + pick(LAST) + ", NPI ")
                .value(FindingType.US_NPI, npi()).add(pick(", DEA ", ", DEA# ", "; DEA number ")).value(FindingType.US_DEA_NUMBER, dea())
                .add(pick(".", "", ".\n"));
        if (random.nextBoolean()) {
            d.add(" Contact: ").value(FindingType.PHONE_NUMBER, phone()).add(". SSN on file ").value(FindingType.US_SSN, ssn(true)).add(".");
        }
        return d;
    }

    private Doc codeSnippet() {
        Doc d = new Doc();
        boolean fenced = random.nextBoolean();
        boolean proprietary = random.nextInt(3) == 0;
        d.add(pick("Can you review this?\n", "Here is my code:\n", "Fix the bug below.\n", ""));
        if (fenced) {
            d.add("```" + pick("python", "java", "js", "") + "\n");
        }
        int start = d.text.length();
        switch (random.nextInt(4)) {
            case 0 -> {
                if (proprietary) {
                    d.add("# " + ORG_NOTICE + ". All rights reserved.\n");
                }
                d.add("import os\nimport boto3\n\n");
                d.add("AWS_ACCESS_KEY_ID = \"").value(FindingType.AWS_ACCESS_KEY_ID, awsKeyId()).add("\"\n");
                d.add("AWS_SECRET_ACCESS_KEY = \"").value(FindingType.AWS_SECRET_ACCESS_KEY, awsSecret()).add("\"\n\n");
                d.add("def upload(path):\n    s3 = boto3.client('s3')\n    return s3.upload_file(path, 'bucket', path)\n");
            }
            case 1 -> {
                if (proprietary) {
                    d.add("package " + ORG_NAMESPACE + "billing;\n\n");
                }
                d.add("public class PaymentClient {\n    private static final String STRIPE_KEY = \"")
                        .value(FindingType.STRIPE_SECRET_KEY, stripeKey()).add("\";\n\n")
                        .add("    public Charge charge(long cents) {\n        return api.charge(STRIPE_KEY, cents);\n    }\n}\n");
            }
            case 2 -> {
                if (proprietary) {
                    d.add("// " + ORG_NOTICE + " - CONFIDENTIAL\n");
                }
                d.add("const token = '").value(FindingType.GITHUB_TOKEN, githubToken()).add("';\n")
                        .add("const res = await fetch(url, { headers: { Authorization: `token ${token}` } });\n")
                        .add("if (!res.ok) { throw new Error(res.statusText); }\n");
            }
            default -> d.add("SELECT id, email, created_at\nFROM users\nWHERE created_at > NOW() - INTERVAL '7 days'\nORDER BY created_at DESC;\n");
        }
        int end = d.text.length() - 1;
        d.labels.add(new Label(FindingType.SOURCE_CODE, start, end));
        if (proprietary && d.text.indexOf("Acme", start) >= 0 || proprietary && d.text.indexOf(ORG_NAMESPACE, start) >= 0) {
            d.labels.add(new Label(FindingType.PROPRIETARY_CODE, start, end));
        }
        if (fenced) {
            d.add("```\n");
        }
        d.add(pick("Thanks!", "What is wrong?", "", "It throws on line 3."));
        return d;
    }

    private Doc config() {
        Doc d = new Doc();
        switch (random.nextInt(4)) {
            case 0 -> {
                d.add("# .env\nDATABASE_URL=").valueWithin(FindingType.CONNECTION_STRING_PASSWORD,
                        pick("postgres", "postgresql", "mysql", "mongodb+srv") + "://" + pick("app", "admin", "svc_user") + ":",
                        password(), "@" + pick("db.acme-corp.com", "10.0.3.12", "cluster0.ab12c.mongodb.net") + ":5432/app\n");
                d.add("SLACK_BOT_TOKEN=").value(FindingType.SLACK_TOKEN, slackToken()).add("\n");
                d.add("DEBUG=false\nLOG_LEVEL=info\n");
            }
            case 1 -> {
                d.add("spring:\n  datasource:\n    url: jdbc:sqlserver://db01:1433\n    username: app\n    password: ")
                        .value(FindingType.GENERIC_SECRET, password()).add("\n");
                d.add("google:\n  maps-api-key: ").value(FindingType.GOOGLE_API_KEY, googleKey()).add("\n");
            }
            case 2 -> {
                d.add("{\n  \"webhook\": \"").value(FindingType.SLACK_WEBHOOK_URL, slackWebhook()).add("\",\n")
                        .add("  \"api_key\": \"").value(FindingType.GENERIC_SECRET, randomString(ALNUM, 32)).add("\",\n")
                        .add("  \"timeout\": 30\n}\n");
            }
            default -> {
                d.add("ConnectionStrings__Default=\"Server=tcp:sql.acme-corp.com,1433;Database=orders;User Id=app;")
                        .valueWithin(FindingType.CONNECTION_STRING_PASSWORD, "Password=", password(), ";Encrypt=True\"\n");
                d.add("JWT_SAMPLE=").value(FindingType.JWT, jwt()).add("\n");
                d.add("-----BEGIN RSA PRIVATE KEY-----\n");
                int keyStart = d.text.length() - 32;
                d.add(pemBody(random.nextInt(8) + 8)).add("-----END RSA PRIVATE KEY-----");
                d.labels.add(new Label(FindingType.PRIVATE_KEY, keyStart, d.text.length()));
                d.add("\n");
            }
        }
        return d;
    }

    private Doc log() {
        Doc d = new Doc();
        int lines = 2 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            d.add("2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T1" + random.nextInt(10) + ":2"
                    + random.nextInt(10) + ":0" + random.nextInt(10) + "Z INFO req=" + uuid() + " ");
            switch (random.nextInt(5)) {
                case 0 -> d.add("client=").value(FindingType.IP_ADDRESS, publicIp()).add(" status=200 bytes=" + random.nextInt(99999));
                case 1 -> d.add("user=").value(FindingType.EMAIL_ADDRESS, email(name())).add(" action=login ok");
                case 2 -> d.add("upstream=10.1." + random.nextInt(255) + "." + random.nextInt(255) + ":8080 latency_ms=" + random.nextInt(900));
                case 3 -> d.add("commit=" + hex(40) + " build=" + (1 + random.nextInt(9)) + "." + random.nextInt(20) + "." + random.nextInt(9));
                default -> d.add("Authorization: Bearer ").value(FindingType.JWT, jwt());
            }
            d.add("\n");
        }
        return d;
    }

    /** Look-alikes only: none of these is a finding. */
    private Doc hardNegatives() {
        Doc d = new Doc();
        int items = 2 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            d.add(switch (random.nextInt(18)) {
                case 0 -> "Use test card " + pick("4111 1111 1111 1111", "4242424242424242", "5555-5555-5555-4444", "378282246310005") + " in the sandbox.";
                case 1 -> "The AWS docs use AKIAIOSFODNN7EXAMPLE with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY as the secret.";
                case 2 -> "Write to " + pick("jane", "support", "info") + "@" + pick("example.com", "example.org", "test.example", "mail.test", "foo.invalid") + pick(".", " for help.", "");
                case 3 -> pick("api_key = \"YOUR_API_KEY\"", "password=${DB_PASSWORD}", "token: <token>", "secret = \"changeme\"", "OPENAI_API_KEY=sk-...", "password: xxx", "apiKey: process.env.API_KEY");
                case 4 -> "Card on file: **** **** **** " + digits(4) + ", account ending ****" + digits(4) + ".";
                case 5 -> "request_id=" + uuid() + " trace=" + uuid();
                case 6 -> "sha256: " + hex(64) + "\nmd5 " + hex(32);
                case 7 -> pick("Upgraded to version 1.2.3.4", "release 10.4.2.1 is out", "Chrome/120.0.0.0 Safari/537.36", "pip install foo==2.3.1.4");
                case 8 -> "Call us on " + pick("(415) 555-0123", "+1 212-555-0187", "020 7946 0321", "+44 161 496 0713", "07700 900123");
                case 9 -> "Servers: 10.0.0.12, 192.168.1.20, 127.0.0.1, 172.16.5.4, 192.0.2.44 and 203.0.113.9.";
                case 10 -> "-----BEGIN PUBLIC KEY-----\n" + pemBody(3) + "-----END PUBLIC KEY-----";
                case 11 -> "ssh-rsa AAAAB3NzaC1yc2E" + randomString(ALNUM, 60) + " deploy@host";
                case 12 -> "Order " + notACard() + " shipped; tracking " + digits(12) + ".";
                case 13 -> "Room B12 is booked; see section A10.2 of the handbook.";
                case 14 -> "Example SSN 078-05-1120 from the Woolworth wallet; NI number QQ123456C is HMRC's sample.";
                case 15 -> "password: " + pick("********", "[REDACTED]", "<redacted>", "•••••••");
                case 16 -> "Use AIza" + "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX" + " as a placeholder and sk_live_" + "x".repeat(24) + ".";
                default -> "Total tokens: " + random.nextInt(9000) + ", max_tokens=4096, temperature 0.7.";
            });
            d.add(pick("\n", " ", "\n\n"));
        }
        return d;
    }

    private Doc prose() {
        Doc d = new Doc();
        d.add(pick("Summarise the quarterly results for the board. ", "Write a haiku about autumn in Kyoto. ",
                "Explain the difference between TCP and UDP in simple terms. ", "What are good names for a bakery? "));
        d.add(pick("Keep it under 200 words", "Use British spelling", "Add three bullet points", "Make it funny"));
        d.add(pick(".", "!", "?", " please."));
        if (random.nextInt(3) == 0) {
            d.add(" My colleague ").add(name()).add(" (").value(FindingType.EMAIL_ADDRESS, email(name())).add(") agrees.");
        }
        return d;
    }

    // ---- values ----------------------------------------------------------------------------------------------

    private String name() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private String email(String name) {
        String[] parts = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").split(" ");
        String local = switch (random.nextInt(4)) {
            case 0 -> parts[0] + "." + parts[1];
            case 1 -> parts[0].charAt(0) + parts[1];
            case 2 -> parts[0] + "_" + parts[1] + random.nextInt(99);
            default -> parts[0] + "+ai" + random.nextInt(9);
        };
        String e = local + "@" + pick(DOMAINS);
        return random.nextInt(5) == 0 ? e.toUpperCase(Locale.ROOT) : e;
    }

    private String phone() {
        String area = (2 + random.nextInt(8)) + digits(2);
        String exchange = (2 + random.nextInt(8)) + digits(2);
        if (exchange.equals("555")) {
            exchange = "556";
        }
        String line = digits(4);
        return switch (random.nextInt(8)) {
            case 0 -> "(" + area + ") " + exchange + "-" + line;
            case 1 -> area + "-" + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            case 3 -> "+1 " + area + " " + exchange + " " + line;
            case 4 -> "+1" + area + exchange + line;
            case 5 -> "+44 20 " + (3 + random.nextInt(5)) + digits(3) + " " + digits(4);
            case 6 -> "07" + (1 + random.nextInt(9)) + digits(2) + " " + digits(6);
            default -> "+49 30 " + digits(8);
        };
    }

    private String card() {
        String prefix = pick("4", "51", "52", "55", "2221", "34", "37", "6011", "3530");
        int length = prefix.startsWith("3") && prefix.length() == 2 ? 15 : 16;
        String number;
        do {
            StringBuilder sb = new StringBuilder(prefix);
            while (sb.length() < length - 1) {
                sb.append(random.nextInt(10));
            }
            number = sb + String.valueOf(luhnCheckDigit(sb.toString()));
        } while (number.chars().distinct().count() <= 3);
        if (length == 15) {
            return random.nextBoolean() ? number : number.substring(0, 4) + " " + number.substring(4, 10) + " " + number.substring(10);
        }
        String sep = pick("", " ", "-");
        return number.substring(0, 4) + sep + number.substring(4, 8) + sep + number.substring(8, 12) + sep + number.substring(12);
    }

    /** Sixteen digits whose last digit breaks the Luhn check: an order number, not a card. */
    private String notACard() {
        String partial = digits(15);
        return partial + (luhnCheckDigit(partial) + 1 + random.nextInt(9)) % 10;
    }

    static int luhnCheckDigit(String partial) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = partial.length() - 1; i >= 0; i--) {
            int d = partial.charAt(i) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }

    private String ssn(boolean dashed) {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        String s = String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
        return dashed ? s : s.replace("-", "");
    }

    private String nino() {
        String first = "ABCEGHJKLMNOPRSTWXYZ";
        String second = "ABCEGHJKLMNPRSTWXYZ";
        String prefix;
        do {
            prefix = "" + first.charAt(random.nextInt(first.length())) + second.charAt(random.nextInt(second.length()));
        } while (List.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ").contains(prefix));
        String d = digits(6);
        char suffix = "ABCD".charAt(random.nextInt(4));
        return random.nextBoolean() ? prefix + d + suffix
                : prefix + " " + d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4) + " " + suffix;
    }

    private String iban() {
        String country = pick("DE", "GB", "FR", "NL", "ES", "IT");
        String bban = switch (country) {
            case "DE" -> digits(18);
            case "GB" -> randomString(UPPER, 4) + digits(14);
            case "FR" -> digits(10) + randomString(ALNUM.substring(0, 26) + "0123456789", 11) + digits(2);
            case "NL" -> randomString(UPPER, 4) + digits(10);
            case "ES" -> digits(20);
            default -> randomString(UPPER, 1) + digits(10) + randomString(UPPER + "0123456789", 12);
        };
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        String compact = country + (check < 10 ? "0" : "") + check + bban;
        if (random.nextBoolean()) {
            return compact;
        }
        return compact.replaceAll("(.{4})", "$1 ").trim();
    }

    private String npi() {
        String partial = (1 + random.nextInt(2)) + digits(8);
        int check = luhnCheckDigit("80840" + partial);
        return partial + check;
    }

    private String dea() {
        char type = "ABFGM".charAt(random.nextInt(5));
        char initial = UPPER.charAt(random.nextInt(26));
        int[] d = new int[6];
        StringBuilder sb = new StringBuilder().append(type).append(initial);
        for (int i = 0; i < 6; i++) {
            d[i] = random.nextInt(10);
            sb.append(d[i]);
        }
        int check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
        return sb.append(check).toString();
    }

    private String mrn() {
        return switch (random.nextInt(3)) {
            case 0 -> digits(8);
            case 1 -> "00" + digits(6);
            default -> "MR-" + (2015 + random.nextInt(10)) + "-" + digits(6);
        };
    }

    private String passport() {
        return random.nextBoolean() ? String.valueOf(1 + random.nextInt(9)) + digits(8)
                : randomString(UPPER, 1) + digits(8);
    }

    private String publicIp() {
        int a;
        do {
            a = 1 + random.nextInt(222);
        } while (a == 10 || a == 127 || a == 100 || a == 169 || a == 172 || a == 192 || a == 198 || a == 203);
        return a + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private String awsKeyId() {
        return pick("AKIA", "ASIA") + randomString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
    }

    private String awsSecret() {
        return randomString(ALNUM + "+/", 40);
    }

    private String githubToken() {
        String body = randomString(ALNUM, 30);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        StringBuilder checksum = new StringBuilder();
        while (v > 0) {
            checksum.insert(0, BASE62.charAt((int) (v % 62)));
            v /= 62;
        }
        while (checksum.length() < 6) {
            checksum.insert(0, '0');
        }
        return pick("ghp_", "gho_", "ghs_") + body + checksum;
    }

    private String slackToken() {
        return "xoxb-" + digits(12) + "-" + digits(13) + "-" + randomString(ALNUM, 24);
    }

    private String slackWebhook() {
        return "https://hooks.slack.com/services/T" + randomString(UPPER + "0123456789", 8) + "/B"
                + randomString(UPPER + "0123456789", 10) + "/" + randomString(ALNUM, 24);
    }

    private String stripeKey() {
        return pick("sk_live_", "rk_live_") + randomString(ALNUM, 24 + random.nextInt(76));
    }

    private String openAiKey() {
        return random.nextBoolean() ? "sk-" + randomString(ALNUM, 48)
                : "sk-proj-" + randomString(ALNUM + "_-", 60 + random.nextInt(60));
    }

    private String anthropicKey() {
        return "sk-ant-api03-" + randomString(ALNUM + "_-", 93) + "AA";
    }

    private String googleKey() {
        return "AIza" + randomString(ALNUM + "_-", 35);
    }

    private String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"" + pick("HS256", "RS256", "ES256") + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + digits(8) + "\",\"name\":\"" + name() + "\",\"iat\":" + (1700000000 + random.nextInt(9999999)) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + randomString(ALNUM + "_-", 43);
    }

    private String password() {
        return randomString(ALNUM, 8 + random.nextInt(8)) + pick("!", "#", "9", "%", "_2");
    }

    private String pemBody(int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(randomString(ALNUM + "+/", 64)).append('\n');
        }
        return sb.toString();
    }

    private String uuid() {
        return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String hex(int n) {
        return randomString("0123456789abcdef", n);
    }

    private String digits(int n) {
        return randomString("0123456789", n);
    }

    private String randomString(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
