package dev.sightline.classify;

import static dev.sightline.classify.Rule.REJECT;
import static dev.sightline.classify.Rule.anchored;
import static dev.sightline.classify.Rule.anchoredAnywhere;
import static dev.sightline.classify.Rule.shaped;

import dev.sightline.classify.Rule.CharTrigger;
import dev.sightline.classify.Rule.FirstChars;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Detectors of the PII, PCI and PHI data classes. */
final class PersonalRules {

    /**
     * Context words, found at a word start, as a prefix when longer than three letters. Besides English they cover German,
     * French, Spanish, Italian, Dutch and Portuguese where the word differs ("diagn" finds diagnóstico, "pacient"
     * paciente). Words that are also anchors of the single pass (all but phone and version words) are ASCII.
     */
    static final Context.Words CLINICAL_CONTEXT = Context.words("diagn", "dx", "icd", "patient", "clinical", "history of",
        "hx", "assessment", "admitted", "admission", "discharge", "symptom", "chronic", "acute", "disorder", "disease",
        "syndrome", "presents", "presented", "complain", "medical", "comorbid", "prescribed",
        "impression", "billing code", "problem list",
        "pacient", "pazient", "anamnes", "befund");
    private static final Context.Words CARD_CONTEXT = Context.words("card", "visa", "mastercard", "amex", "credit", "debit",
        "payment", "cc", "pan");
    private static final Context.Words SSN_CONTEXT = Context.words("ssn", "social security", "ss#", "ss no", "ss num",
        "taxpayer", "seguro social", "seguridad social");
    private static final Context.Words NINO_CONTEXT = Context.words("national insurance", "nino", "ni number", "ni no", "nin");
    private static final Context.Words DEA_CONTEXT = Context.words("dea");
    private static final Context.Words NPI_CONTEXT = Context.words("npi", "national provider", "provider id",
        "provider number", "prescriber");
    private static final Context.Words MRN_CONTEXT = Context.words("mrn", "medical record", "med rec", "patient id",
        "patient no", "patient number", "patient #", "chart no", "chart number", "chart #", "record no", "record number",
        "hospital number", "hospital no", "health record", "mr#", "mr no",
        "patientennummer", "patienten-id", "patientnummer", "fallnummer", "dossier patient", "dossier m", "historia cl",
        "cartella clinica", "numero paziente", "prontuario");
    private static final Context.Words PASSPORT_CONTEXT = Context.words("passport", "reisepass", "passeport", "pasaporte",
        "passaport", "paspoort", "paszport");
    /** Phone words but "number", which is phone context only when no other word names what number it is. */
    private static final String[] PHONE_WORDS = {"phone", "tel", "telephone", "call", "mobil", "cell", "fax",
        "contact", "reach", "text", "sms", "whatsapp", "ph", "dial", "ring", "landline", "hotline",
        // German, French, Spanish, Italian, Dutch, Portuguese ("mobil" and "cell" also find Mobilnummer, cellulare)
        "telefon", "telefoon", "teléfono", "téléphone", "tél", "handy", "móvil", "movil", "celular", "telemóvel",
        "telemovel", "portable", "gsm", "rufnummer", "anruf", "llam", "appel", "chiam", "bel", "ligue"};
    private static final Context.Words PHONE_CONTEXT = Context.words(
            Stream.concat(Arrays.stream(PHONE_WORDS), Stream.of("number")).toArray(String[]::new));
    private static final Context.Words PHONE_CONTEXT_BUT_NUMBER = Context.words(PHONE_WORDS);
    /** Words that make "number" an order, invoice, ticket or account number ("order number 7731 2290"). */
    private static final Context.Words NOT_PHONE_NUMBER_CONTEXT = Context.words("order", "invoice", "ticket", "account",
        "tracking", "reference", "case", "serial", "transaction", "confirmation", "booking", "customer", "claim", "policy",
        "item", "part");
    private static final Context.Words VERSION_CONTEXT = Context.words("version", "ver", "release", "build", "v", "rev",
        "revision", "update", "upgrade", "firmware", "sdk", "jdk", "node", "python", "java", "chrome", "firefox", "safari", "edge",
        "agent", "mozilla", "oid", "snmp", "tag", "semver", "package", "pip", "npm", "maven", "gradle", "library");
    /** Email "domains" that are really file names (logo@2x.png) or package specifiers. */
    private static final Set<String> FILE_TLDS = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "js",
        "css", "ts", "py", "java", "json", "yaml", "yml", "xml", "html", "md", "txt", "pdf", "zip", "gz", "tar");
    private static final Set<String> PLACEHOLDER_MAILBOXES = Set.of("user", "username", "email", "someone", "somebody",
        "name", "firstname.lastname", "first.last", "firstname", "lastname", "xxx", "you", "me", "foo", "bar", "test");

    private static final Set<String> CARD_GROUPINGS = Set.of("4-4-4-4", "4-4-4-4-3", "4-6-5", "4-6-4", "4-4-4-1",
        "4-4-4-2", "4-4-4-3", "4-4-5", "4-4-4-4-1", "4-4-4-4-2");

    /** An IPv6 literal's shape; {@link Ipv6#parse} checks its structure. */
    private static final String IPV6 = "(?<![0-9A-Za-z:.%_-])((?:[0-9A-Fa-f]{1,4}|(?=::))(?::[0-9A-Fa-f]{0,4}){2,8}"
            + "(?:\\.[0-9]{1,3}){0,3})(?![0-9A-Za-z:_-]|\\.[0-9A-Za-z])";

    private static final Pattern YEAR_FIRST_DATE = Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}.{0,20}");
    private static final Pattern DAY_FIRST_DATE = Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}.{0,20}");

    private PersonalRules() {
    }

    static List<Rule> all() {
        return List.of(
                shaped(FindingType.CREDIT_CARD,
                        "(?<![0-9A-Za-z+.,/-])((?:\\d[ -]?){12,18}\\d)(?![0-9A-Za-z]|[.,-]\\d)",
                        1, CharTrigger.NUMBER, 13, 0, 0, PersonalRules::card),
                shaped(FindingType.IBAN,
                        "(?<![A-Za-z0-9])([A-Z]{2}\\d{2}([ -]?)[A-Z0-9]{4}(?:\\2[A-Z0-9]{4}){1,7}(?:\\2[A-Z0-9]{1,3})?)(?![A-Za-z0-9])",
                        1, CharTrigger.LETTER_PAIR_DIGIT, 0, 0, 50, PersonalRules::iban)
                        .checkedBy((t, start, end, digits) -> isUpper(t, start) && isUpper(t, start + 1)
                                && isDigit(t, start + 2) && isDigit(t, start + 3)),
                shaped(FindingType.US_SSN,
                        "(?<![0-9A-Za-z+.-])(\\d{3}([- ])\\d{2}\\2\\d{4})(?![0-9A-Za-z]|[.-]\\d)",
                        1, CharTrigger.NUMBER, 9, 0, 0, PersonalRules::ssn),
                anchored(FindingType.US_SSN,
                        "(?<![0-9A-Za-z+.-])(\\d{9})(?![0-9A-Za-z]|[.-]\\d)",
                        1, 60, 60, PersonalRules::bareSsn, SSN_CONTEXT.list()).startingWhere(VALUE_START),
                shaped(FindingType.UK_NINO,
                        "(?<![A-Za-z0-9])([A-Za-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d])(?![A-Za-z0-9])",
                        1, CharTrigger.LETTER_PAIR_DIGIT, 0, 0, 20, PersonalRules::nino)
                        .checkedBy(PersonalRules::mayBeNino),
                shaped(FindingType.US_DEA_NUMBER,
                        "(?<![A-Za-z0-9])([A-Z][A-Z9]\\d{7})(?![A-Za-z0-9])",
                        1, CharTrigger.LETTER_PAIR_DIGIT, 0, 0, 16, PersonalRules::dea)
                        .checkedBy((t, start, end, digits) -> isUpper(t, start) && isUpper(t, start + 1)
                                && isDigit(t, start + 2) && isDigit(t, start + 8)),
                anchored(FindingType.US_NPI,
                        "(?<![0-9A-Za-z+.-])([12]\\d{9})(?![0-9A-Za-z]|[.-]\\d)",
                        1, 70, 70, (t, m, s, e) -> Checksums.npi(t.substring(s, e)) && Context.near(t, s, e, 50, NPI_CONTEXT)
                                ? 0.95 : REJECT, NPI_CONTEXT.list()).startingWhere(VALUE_START),
                anchored(FindingType.MEDICAL_RECORD_NUMBER,
                        "(?<![A-Za-z0-9-])((?:[A-Z]{1,4}-?)?\\d{4,12}(?:-\\d{1,8}){0,2})(?![A-Za-z0-9]|-\\d)",
                        1, 0, 60, PersonalRules::mrn, MRN_CONTEXT.list()).startingWhere(VALUE_START),
                anchored(FindingType.PASSPORT_NUMBER,
                        "(?<![A-Za-z0-9-])([A-Z]{1,3}\\d{6,8}|\\d{9}|\\d{2}[A-Z]{2}\\d{5}|[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8})(?![A-Za-z0-9]|-\\d)",
                        1, 70, 70, PersonalRules::passport, PASSPORT_CONTEXT.list()).startingWhere(VALUE_START),
                shaped(FindingType.EMAIL_ADDRESS,
                        "(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24})(?![A-Za-z0-9-]|\\.[A-Za-z0-9])",
                        1, CharTrigger.AT_SIGN, 0, 65, 270, PersonalRules::email)
                        .startingWhere(FirstChars.of("A-Za-z0-9", PersonalRules::startsMailbox)),
                shaped(FindingType.IP_ADDRESS,
                        "(?<![0-9A-Za-z.])((?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3})(?![0-9A-Za-z]|\\.\\d)",
                        1, CharTrigger.NUMBER, 4, 0, 0, PersonalRules::ipv4)
                        .checkedBy(PersonalRules::mayBePublicIpv4),
                // IPv6: "::" forms are found at their "::", forms without it at a first group 2xxx or 3xxx (2000::/3)
                anchoredAnywhere(FindingType.IP_ADDRESS, IPV6, 1, 40, 45, PersonalRules::ipv6, "::")
                        .checkedBy((t, start, end, digits) -> Context.hexValue(Context.charAt(t, start - 1)) >= 0
                                || Context.hexValue(Context.charAt(t, end)) >= 0),
                shaped(FindingType.IP_ADDRESS, IPV6, 1, CharTrigger.NUMBER, 1, 0, 40, PersonalRules::ipv6)
                        .checkedBy(PersonalRules::mayStartFullIpv6),
                shaped(FindingType.PHONE_NUMBER,
                        "(?<![0-9A-Za-z+/.=_-])(\\+?\\(?\\d(?:[ .()-]{0,3}\\d){6,16}+)(?![0-9A-Za-z]|[.-]\\d)",
                        1, CharTrigger.NUMBER, 7, 0, 0, PersonalRules::phone)
                        .checkedBy(PersonalRules::mayBePhone),
                anchored(FindingType.ICD10_CODE,
                        "(?<![A-Za-z0-9.-])([A-TV-Z]\\d[0-9AB](?:\\.[0-9A-Z]{1,4})?|U0[79]\\.\\d)(?![A-Za-z0-9]|\\.\\d)",
                        1, 140, 140, PersonalRules::icd10, CLINICAL_CONTEXT.list())
                        .startingWhere(FirstChars.of("A-Z", (t, i) -> isDigit(t, i + 1) && startsValue(t, i))));
    }

    private static final FirstChars VALUE_START = FirstChars.of("0-9A-Z", PersonalRules::startsValue);

    /** Identifiers start with a digit or a capital letter at the start of a word. */
    private static boolean startsValue(String text, int i) {
        char c = text.charAt(i);
        return (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') && !Context.isAlnum(Context.charAt(text, i - 1));
    }

    /** Where a mailbox can start: not after a character of a mailbox name (the pattern's look-behind). */
    private static boolean startsMailbox(String text, int i) {
        char before = Context.charAt(text, i - 1);
        return !(Context.isAlnum(before) || before == '.' || before == '_' || before == '%' || before == '+' || before == '-');
    }

    private static int count(String text, int from, int to, char c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += text.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    private static boolean isUpper(String text, int i) {
        char c = Context.charAt(text, i);
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(String text, int i) {
        char c = Context.charAt(text, i);
        return c >= '0' && c <= '9';
    }

    /**
     * What {@link #phone} accepts needs a leading +, ten or more digits, or a phone word at most 30 characters before
     * the match (which starts at most 4 characters before the number). A number that is a date (2025-03-12) and
     * cannot be entered from a "(" before it is rejected as a date whatever its context, so the context is not read.
     */
    private static boolean mayBePhone(String text, int start, int end, int digits) {
        if (count(text, Math.max(0, start - 4), start, '+') > 0 || digits >= 10) {
            return true;
        }
        boolean date = Context.charAt(text, start - 1) != '(' && startsWithDate(text, start, end);
        return !date && Context.within(text, Math.max(0, start - 34), end, PHONE_CONTEXT);
    }

    /**
     * The pattern after the two letters at {@code start}: three pairs of digits and a letter A-D, each optionally after
     * one space, ending the word. Matches start only at such a word, so this is exactly the pattern's shape.
     */
    private static boolean mayBeNino(String text, int start, int end, int digits) {
        int i = start + 2;
        for (int pair = 0; pair < 3; pair++) {
            i += Context.charAt(text, i) == ' ' ? 1 : 0;
            if (!isDigit(text, i) || !isDigit(text, i + 1)) {
                return false;
            }
            i += 2;
        }
        i += Context.charAt(text, i) == ' ' ? 1 : 0;
        char letter = (char) (Context.charAt(text, i) | 0x20);
        return letter >= 'a' && letter <= 'd' && !Context.isAlnum(Context.charAt(text, i + 1));
    }

    /**
     * Whether {@code [start, end)} starts with a date {@code yyyy-m-d} (one separator of - / . throughout) whose day is
     * not followed by a further digit inside the span: the date shapes {@link #looksLikeDate} rejects.
     */
    private static boolean startsWithDate(String text, int start, int end) {
        int i = start + 4;
        if (i >= end || digitsBetween(text, start, i) != 4) {
            return false;
        }
        char separator = text.charAt(i);
        if (separator != '-' && separator != '/' && separator != '.') {
            return false;
        }
        int month = digitsBetween(text, i + 1, Math.min(end, i + 3));
        i += 1 + month;
        if (month == 0 || i >= end || text.charAt(i) != separator) {
            return false;
        }
        int day = digitsBetween(text, i + 1, Math.min(end, i + 3));
        i += 1 + day;
        return day > 0 && !(i < end && isDigit(text, i));
    }

    /** How many digits follow one another from {@code from}, stopping at {@code to}. */
    private static int digitsBetween(String text, int from, int to) {
        int i = from;
        while (i < to && isDigit(text, i)) {
            i++;
        }
        return i - from;
    }

    /**
     * A run of only digits and dots can be matched only from its start, so its first three octets decide whether
     * {@link #ipv4} could accept it; other runs are left to the regex.
     */
    private static boolean mayBePublicIpv4(String text, int start, int end, int digits) {
        if (end - start < digits + 3) {
            return false; // no room for three dots besides the digits
        }
        int[] octets = new int[3];
        int dots = 0;
        boolean digitsAndDots = true;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                dots++;
            } else if (c < '0' || c > '9') {
                digitsAndDots = false;
            } else if (dots < 3) {
                octets[dots] = Math.min(1000, octets[dots] * 10 + (c - '0'));
            }
        }
        return dots >= 3 && (!digitsAndDots || isPublicIpv4(octets[0], octets[1], octets[2]));
    }

    private static double card(String text, MatchResult m, int s, int e) {
        String raw = text.substring(s, e);
        String digits = Context.digitsOf(raw);
        // cheap arithmetic rejections first: long runs of repeated digits reach here often on hostile input
        if (LookAlikes.isTestCard(digits) || !Checksums.luhn(digits) || !knownIssuer(digits) || !cardGrouping(raw)
                || ibanTail(text, s) || insideHexRun(text, s, e)) {
            return REJECT;
        }
        return Context.near(text, s, e, 60, CARD_CONTEXT) ? 0.99 : 0.95;
    }

    /** Compact, or one separator throughout in the groupings printed on cards: 4-4-4-4(-3), 4-6-5, 4-6-4. */
    private static boolean cardGrouping(String raw) {
        if (raw.indexOf(' ') >= 0 && raw.indexOf('-') >= 0) {
            return false;
        }
        return raw.indexOf(' ') < 0 && raw.indexOf('-') < 0 || CARD_GROUPINGS.contains(groupSizes(raw));
    }

    /** The lengths of the digit groups of a number, joined by dashes: {@code 4-4-4-4}. */
    private static String groupSizes(String raw) {
        StringBuilder sizes = new StringBuilder(16);
        int group = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (isDigit(raw, i)) {
                group++;
            } else {
                sizes.append(group).append('-');
                group = 0;
            }
        }
        return sizes.append(group).toString();
    }

    /** The digits after "DE44 " are the rest of an IBAN, not a card. */
    private static boolean ibanTail(String text, int s) {
        char separator = Context.charAt(text, s - 1);
        return s >= 5 && isUpper(text, s - 5) && isUpper(text, s - 4) && isDigit(text, s - 3) && isDigit(text, s - 2)
                && (separator == ' ' || separator == '-');
    }

    /** Issuer identification number ranges and lengths of the card networks. */
    static boolean knownIssuer(String d) {
        int n = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p3 = Integer.parseInt(d.substring(0, 3));
        int p4 = Integer.parseInt(d.substring(0, 4));
        int p6 = Integer.parseInt(d.substring(0, 6));
        if (d.charAt(0) == '4') {
            return n == 13 || n == 16 || n == 19;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720) || (p4 >= 2200 && p4 <= 2204)) {
            return n == 16;
        }
        if (p2 == 34 || p2 == 37) {
            return n == 15;
        }
        if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925) || p2 == 62) {
            return n >= 16 && n <= 19;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return n >= 16 && n <= 19;
        }
        if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
            return n >= 14 && n <= 19;
        }
        return (p2 == 50 || (p2 >= 56 && p2 <= 69)) && n >= 12 && n <= 19;
    }

    /** A number that is part of a UUID or a hex digest is not a number. */
    private static boolean insideHexRun(String text, int s, int e) {
        int from = s;
        while (from > 0 && s - from < 64 && isHexOrDash(text.charAt(from - 1))) {
            from--;
        }
        int to = e;
        while (to < text.length() && to - e < 64 && isHexOrDash(text.charAt(to))) {
            to++;
        }
        if (from == s && to == e) {
            return false;
        }
        String run = text.substring(from, to);
        return run.length() >= 32 || LookAlikes.isUuid(run);
    }

    private static boolean isHexOrDash(char c) {
        return Context.hexValue(c) >= 0 || c == '-';
    }

    private static double iban(String text, MatchResult m, int s, int e) {
        String compact = Context.alnumUpperOf(text.substring(s, e));
        return Checksums.iban(compact) && !LookAlikes.isDocumentationValue(compact) ? 0.97 : REJECT;
    }

    private static double ssn(String text, MatchResult m, int s, int e) {
        String digits = Context.digitsOf(text.substring(s, e));
        boolean context = Context.near(text, s, e, 60, SSN_CONTEXT);
        boolean dashed = text.charAt(s + 3) == '-';
        if (!Checksums.ssn(digits) || LookAlikes.isExampleSsn(digits) || !(dashed || context) || insideHexRun(text, s, e)) {
            return REJECT;
        }
        return context ? 0.98 : 0.85;
    }

    private static double bareSsn(String text, MatchResult m, int s, int e) {
        String digits = text.substring(s, e);
        return Checksums.ssn(digits) && !LookAlikes.isExampleSsn(digits) && Context.near(text, s, e, 40, SSN_CONTEXT)
                ? 0.9 : REJECT;
    }

    private static double nino(String text, MatchResult m, int s, int e) {
        String raw = text.substring(s, e);
        String compact = Context.alnumUpperOf(raw);
        boolean oneCase = raw.equals(raw.toUpperCase(Locale.ROOT)) || raw.equals(raw.toLowerCase(Locale.ROOT));
        if (!oneCase || !Checksums.ninoPrefix(compact.charAt(0), compact.charAt(1))) {
            return REJECT;
        }
        return Context.near(text, s, e, 60, NINO_CONTEXT) ? 0.98 : 0.85;
    }

    private static double dea(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        if ("ABCDEFGHJKLMPRSTUX".indexOf(v.charAt(0)) < 0 || !Checksums.dea(v)) {
            return REJECT;
        }
        if (Context.near(text, s, e, 60, DEA_CONTEXT)) {
            return 0.97;
        }
        // a passport or record number that happens to pass the check digit
        boolean otherId = Context.near(text, s, e, 60, PASSPORT_CONTEXT) || Context.near(text, s, e, 60, MRN_CONTEXT);
        return otherId ? REJECT : 0.7;
    }

    private static double mrn(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        int digits = Context.digitsOf(v).length();
        if (digits < 5 || digits > 14 || looksLikeDate(v) || !Context.before(text, s, 25, MRN_CONTEXT)) {
            return REJECT;
        }
        return 0.9;
    }

    private static double passport(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        if (Context.digitsOf(v).length() < 5 || !Context.near(text, s, e, 50, PASSPORT_CONTEXT)) {
            return REJECT;
        }
        return 0.85;
    }

    private static double email(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        int at = v.indexOf('@');
        String local = v.substring(0, at).toLowerCase(Locale.ROOT);
        String domain = v.substring(at + 1);
        String tld = domain.substring(domain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (LookAlikes.isReservedDomain(domain) || FILE_TLDS.contains(tld) || PLACEHOLDER_MAILBOXES.contains(local)
                || local.startsWith("your") || userInfoOfUri(text, s) || (local.equals("git") && Context.charAt(text, e) == ':')) {
            return REJECT;
        }
        return 0.95;
    }

    /** {@code scheme://user:pass@host}: the part before the @ is a credential, not a mailbox. */
    private static boolean userInfoOfUri(String text, int s) {
        int from = s;
        while (from > 0 && s - from < 300 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        return text.substring(from, s).contains("://");
    }

    /**
     * Public addresses only: private (RFC 1918), loopback, link-local, CGNAT, documentation (RFC 5737),
     * benchmarking, multicast, reserved and "this network" ranges are not personal data.
     */
    static boolean isPublicIpv4(int a, int b, int c) {
        return !(a == 0 || a == 10 || a == 127 || a >= 224
                || (a == 100 && b >= 64 && b <= 127)
                || (a == 169 && b == 254)
                || (a == 172 && b >= 16 && b <= 31)
                || (a == 192 && b == 168)
                || (a == 192 && b == 0 && (c == 0 || c == 2))
                || (a == 198 && (b == 18 || b == 19))
                || (a == 198 && b == 51 && c == 100)
                || (a == 203 && b == 0 && c == 113));
    }

    private static double ipv4(String text, MatchResult m, int s, int e) {
        int[] octets = new int[3];
        for (int i = s, dots = 0; i < e && dots < 3; i++) {
            char ch = text.charAt(i);
            if (ch == '.') {
                dots++;
            } else {
                octets[dots] = octets[dots] * 10 + (ch - '0');
            }
        }
        int a = octets[0];
        int b = octets[1];
        int c = octets[2];
        char before = Context.charAt(text, s - 1);
        // host:port is an address whatever words are near ("Connection to node 1 (broker-1/52.18.4.77:9092)")
        boolean withPort = Context.charAt(text, e) == ':' && isDigit(text, e + 1);
        boolean versionLike = before == '/' && Character.isLetter(Context.charAt(text, s - 2)) || before == '@'
                || text.startsWith("==", Math.max(0, s - 2)) || before == 'v'
                || !withPort && Context.before(text, s, 24, VERSION_CONTEXT);
        return isPublicIpv4(a, b, c) && !versionLike ? 0.9 : REJECT;
    }

    /**
     * An address written without {@code ::} that can be personal starts with a group 2xxx or 3xxx followed by a colon,
     * and its run of hex digits and colons holds seven colons (times and MAC addresses do not).
     */
    private static boolean mayStartFullIpv6(String text, int start, int end, int digits) {
        char first = text.charAt(start);
        if (first != '2' && first != '3') {
            return false;
        }
        int i = start + 1;
        while (i - start < 4 && Context.hexValue(Context.charAt(text, i)) >= 0) {
            i++;
        }
        int colons = 0;
        for (; i < text.length() && i - start < 40; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                colons++;
            } else if (Context.hexValue(c) < 0) {
                break;
            }
        }
        return colons >= 7;
    }

    /**
     * A structurally valid IPv6 address that can point at a person's device, written with at least three groups
     * ({@code 2001::}, {@code a::b} and {@code abc::def} are prefixes or C++ scopes, not hosts).
     */
    private static double ipv6(String text, MatchResult m, int s, int e) {
        int[] groups = Ipv6.parse(text, s, e);
        return groups != null && Ipv6.isPersonal(groups) && Ipv6.writtenGroups(text, s, e) >= 3 ? 0.9 : REJECT;
    }

    private static double phone(String text, MatchResult m, int s, int e) {
        String raw = text.substring(s, e);
        String digits = Context.digitsOf(raw);
        if (LookAlikes.isMonotonous(digits) || LookAlikes.distinctDigits(digits) <= 2) {
            return REJECT; // checked again below; first because it is cheap and hostile runs of one digit reach here
        }
        String[] groups = digitGroups(raw);
        boolean plus = raw.charAt(0) == '+';
        boolean context = phoneContext(text, s);
        boolean shaped;
        if (plus) {
            shaped = digits.length() >= 8 && digits.length() <= 15 && (groups.length >= 2 || context || digits.length() >= 10);
        } else if (digits.length() == 10 || digits.length() == 11 && digits.charAt(0) == '1') {
            shaped = nanpGrouping(groups) || ukGrouping(digits, groups)
                    || context && (groups.length == 1 || !looksLikeDate(raw)); // 347 123 4567 (Italy), 612 34 56 78 (Spain)
        } else {
            shaped = ukGrouping(digits, groups) || (context && groups.length >= 2 && digits.length() >= 7 && digits.length() <= 12
                    && !looksLikeDate(raw));
        }
        if (!shaped || !plus && yearFirst(groups) || fictional(digits, plus) || LookAlikes.isMonotonous(digits)
                || LookAlikes.distinctDigits(digits) <= 2 || insideHexRun(text, s, e)) {
            return REJECT;
        }
        return context ? 0.95 : 0.85;
    }

    /** A phone word in the 30 characters before {@code s}; "number" counts only without an order, ticket... word. */
    private static boolean phoneContext(String text, int s) {
        // one scan in the common case of no phone word at all
        return Context.before(text, s, 30, PHONE_CONTEXT) && (Context.before(text, s, 30, PHONE_CONTEXT_BUT_NUMBER)
                || !Context.before(text, s, 30, NOT_PHONE_NUMBER_CONTEXT));
    }

    /** {@code 2024 118 734}, {@code 2025-0314-77}: order and ticket numbers that start with a year, not a phone number. */
    private static boolean yearFirst(String[] groups) {
        String first = groups[0];
        return groups.length >= 2 && first.length() == 4 && (first.startsWith("19") || first.startsWith("20"));
    }

    /** The runs of digits of a phone number, in order. */
    private static String[] digitGroups(String raw) {
        List<String> groups = new ArrayList<>(5);
        for (int i = 0; i < raw.length(); i++) {
            if (isDigit(raw, i)) {
                int from = i;
                while (i < raw.length() && isDigit(raw, i)) {
                    i++;
                }
                groups.add(raw.substring(from, i));
            }
        }
        return groups.toArray(String[]::new);
    }

    /** 3-3-4, or 1-3-3-4 with the trunk prefix; area code and exchange start with 2-9. */
    private static boolean nanpGrouping(String[] g) {
        int o = g.length == 4 && g[0].equals("1") ? 1 : 0;
        if (g.length - o != 3 || g[o].length() != 3 || g[o + 1].length() != 3 || g[o + 2].length() != 4) {
            return false;
        }
        return g[o].charAt(0) >= '2' && g[o + 1].charAt(0) >= '2';
    }

    /** UK and European national numbers: a leading 0 trunk prefix and two or more groups. */
    private static boolean ukGrouping(String digits, String[] g) {
        return digits.charAt(0) == '0' && digits.length() >= 10 && digits.length() <= 11 && g.length >= 2
                && (g.length <= 4 || pairs(g)) && g[0].length() >= 2 && g[0].length() <= 5;
    }

    /** French and Belgian numbers are written in pairs of digits: 06 12 34 56 78. */
    private static boolean pairs(String[] g) {
        for (String group : g) {
            if (group.length() != 2) {
                return false;
            }
        }
        return true;
    }

    /** US 555-0100..0199 (with or without area code) and the UK Ofcom ranges reserved for drama. */
    static boolean fictional(String digits, boolean international) {
        String national = digits;
        if (international && digits.startsWith("1") || !international && digits.length() == 11 && digits.startsWith("1")) {
            national = digits.substring(1);
        }
        if (national.length() == 10 && national.startsWith("5550", 3) && national.charAt(7) == '1'
                || national.length() == 7 && national.startsWith("55501")) {
            return true;
        }
        String uk = international && digits.startsWith("44") ? digits.substring(2)
                : digits.startsWith("0") ? digits.substring(1) : null;
        if (uk == null) {
            return false;
        }
        for (String drama : new String[] {"2079460", "1134960", "1144960", "1154960", "1164960", "1174960", "1184960",
            "1214960", "1314960", "1414960", "1514960", "1614960", "1914980", "2890180", "2920180", "1632960",
            "7700900", "8081570", "9098790", "3069990"}) {
            if (uk.startsWith(drama)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeDate(String v) {
        return YEAR_FIRST_DATE.matcher(v).matches() || DAY_FIRST_DATE.matcher(v).matches();
    }

    private static double icd10(String text, MatchResult m, int s, int e) {
        if (!Context.near(text, s, e, 120, CLINICAL_CONTEXT)) {
            return REJECT;
        }
        return text.indexOf('.', s) > 0 && text.indexOf('.', s) < e ? 0.9 : 0.75;
    }
}
