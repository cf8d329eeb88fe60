package dev.sightline.classify;

import static dev.sightline.classify.Rule.REJECT;
import static dev.sightline.classify.Rule.anchored;
import static dev.sightline.classify.Rule.beforeAnchor;
import static dev.sightline.classify.Rule.prefixed;
import static dev.sightline.classify.Rule.prefixedAnywhere;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.sightline.classify.Rule.FirstChars;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Detectors of the SECRET data class. */
final class SecretRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Context.Words AWS_CONTEXT = Context.words("aws", "secret_access", "secretaccess", "secret access",
        "secret-access", "akia", "asia");
    private static final Context.Words CONNECTION_KEYS = Context.words("server=", "data source", "host=", "hostname=",
        "database=", "dbname=", "initial catalog", "user id", "userid=", "uid=", "username=", "user=", "jdbc:", "port=", "driver=", "sslmode");
    /** Key names that contain a secret word but name something that is not a secret (max_tokens, password_policy). */
    private static final String[] NOT_SECRET_KEYS = {"length", "count", "max", "min", "type", "url", "uri", "endpoint",
        "path", "file", "name", "policy", "expir", "ttl", "limit", "usage", "field", "label", "hint",
        "required", "enabled", "_id", "tokeniz", "rotation", "format", "prompt", "strength", "hash"};
    /**
     * Words that make a key name something other than a secret only after the secret word: {@code password_store},
     * {@code password_manager}, {@code password_reset}; before it they name whose secret it is ({@code keystore_password},
     * {@code key-store-password}, {@code manager_password}, {@code reset_token}).
     */
    private static final String[] NOT_SECRET_AFTER_KEY_WORD = {"store", "manager", "reset"};

    /** {@code userPassword}: a variable name, not a value. */
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z]+(?:[A-Z][a-z]+)+");
    private static final Pattern LOWER_WORD = Pattern.compile("[a-z]+");
    /** {@code settings.db_password}, {@code db_password}: names of where a secret lives. */
    private static final Pattern DOTTED_NAME = Pattern.compile("[a-z_]+\\.[a-z_.]+");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z]+(?:_[a-z]+)+");
    /**
     * "is" in English, German, French, Spanish, Portuguese, Italian and Dutch: in prose the first of them after a password
     * word ends the words between it and the value ("Das Passwort für den Server ist ...").
     */
    private static final String PROSE_SEPARATORS = "is|was|ist|war|lautet|est|était|es|era|é|è|luidt";

    /** Shortest value of a {@code key = value} secret. */
    private static final int MIN_ASSIGNED_SECRET = 6;

    private SecretRules() {
    }

    static List<Rule> all() {
        return List.of(
                prefixed(FindingType.AWS_ACCESS_KEY_ID,
                        "(?<![A-Za-z0-9])((?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])",
                        1, 20, (t, m, s, e) -> keyLike(t, s, e, 4, 2.5) ? 0.95 : REJECT,
                        "akia", "asia", "agpa", "aida", "aroa", "aipa", "anpa", "anva", "abia", "acca"),
                anchored(FindingType.AWS_SECRET_ACCESS_KEY,
                        "(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
                        1, 200, 200, SecretRules::awsSecret,
                        "aws", "secret_access", "secretaccess", "secret access", "secret-access", "akia", "asia")
                        .startingWhere(FirstChars.of("A-Za-z0-9/+", SecretRules::startsFortyCharacterRun)),
                prefixed(FindingType.GITHUB_TOKEN,
                        "(?<![A-Za-z0-9_])(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])",
                        1, 95, SecretRules::github, "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                beforeAnchor(FindingType.SLACK_WEBHOOK_URL,
                        "(https?://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{20,200})",
                        1, 10, 220, FirstChars.of("h", (t, i) -> t.startsWith("http", i)), SecretRules::slackWebhook, "hooks.slack.com"),
                prefixed(FindingType.SLACK_TOKEN,
                        "(?<![A-Za-z0-9-])(xox[abposre]-[0-9A-Za-z-]{10,250}[0-9A-Za-z]|xapp-\\d-[A-Za-z0-9-]{10,250}[0-9A-Za-z])(?![A-Za-z0-9-])",
                        1, 260, SecretRules::slackToken,
                        "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xoxe-", "xapp-"),
                prefixed(FindingType.STRIPE_SECRET_KEY,
                        "(?<![A-Za-z0-9_])((?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,247})(?![A-Za-z0-9_])",
                        1, 260, SecretRules::stripe, "sk_live_", "sk_test_", "rk_live_", "rk_test_"),
                prefixed(FindingType.ANTHROPIC_API_KEY,
                        "(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin|oat|ort)\\d{2}-[A-Za-z0-9_-]{32,200})(?![A-Za-z0-9_-])",
                        1, 220, SecretRules::anthropic, "sk-ant-"),
                prefixed(FindingType.OPENAI_API_KEY,
                        "(?<![A-Za-z0-9_-])(sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{20,250})(?![A-Za-z0-9_-])",
                        1, 260, SecretRules::openAi, "sk-"),
                prefixed(FindingType.GOOGLE_API_KEY,
                        "(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])",
                        1, 40, (t, m, s, e) -> keyLike(t, s, e, 4, 3.5) ? 0.95 : REJECT, "aiza"),
                prefixedAnywhere(FindingType.PRIVATE_KEY,
                        "(-----BEGIN ((?:[A-Z0-9]{1,12} ){0,3})PRIVATE KEY(?: BLOCK)?-----\\s{0,4}"
                                + "(?:[A-Za-z-]{2,20}: [^\\r\\n]{1,200}\\R){0,4}+[A-Za-z0-9+/=\\s\\\\]{0,8000}+"
                                + "(?:-----END \\2PRIVATE KEY(?: BLOCK)?-----)?)",
                        1, 8400, SecretRules::privateKey, "-----begin"),
                prefixed(FindingType.JWT,
                        "(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,4000}\\.[A-Za-z0-9_-]{4,8000}\\.[A-Za-z0-9_-]{0,2000})(?![A-Za-z0-9_-])",
                        1, 14100, SecretRules::jwt, "eyj"),
                beforeAnchor(FindingType.CONNECTION_STRING_PASSWORD,
                        "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\\s:/?#@'\"<>]{0,128}:([^\\s@/?'\"<>]{1,256})"
                                + "@([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])",
                        1, 32, 700, FirstChars.of("A-Za-z", SecretRules::startsScheme), SecretRules::uriPassword, "://")
                        .checkedBy(SecretRules::mayHoldUserInfoPassword),
                prefixed(FindingType.CONNECTION_STRING_PASSWORD,
                        "(?i)(?<![A-Za-z0-9_])(?:password|pwd)\\s{0,3}=\\s{0,3}(?:\"([^\"\\r\\n]{1,256})\"|'([^'\\r\\n]{1,256})'|([^;\"'\\s&]{1,256}))",
                        -1, 300, SecretRules::keyValuePassword, "password", "pwd"),
                prefixedAnywhere(FindingType.GENERIC_SECRET,
                        "(?i)((?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|passwort|kennwort|wachtwoord|senha|contrase[nñÑ]a"
                                + "|access[_-]?key|auth[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]{0,30})[\"']?\\s{0,4}"
                                + "(=>|:=|=|:|\\bis\\b|\\bwas\\b|\\bto\\b)\\s{0,4}(?:\"([^\"\\r\\n]{1,300})\"|'([^'\\r\\n]{1,300})'"
                                + "|`([^`\\r\\n]{1,300})`|([^\\s\"'`,;)}\\]]{0,299}[^\\s\"'`,;)}\\].!?:]))",
                        -3, 420, SecretRules::assignment,
                        "password", "passwd", "passphrase", "pwd", "secret", "token", "api_key", "api-key", "apikey",
                        "access_key", "access-key", "accesskey", "auth_key", "auth-key", "authkey", "private_key", "private-key",
                        "privatekey", "credential", "passwort", "kennwort", "wachtwoord", "senha", "contrase")
                        .skippingKnownRejections(SecretRules::shortAssignedValueEnd),
                prefixed(FindingType.GENERIC_SECRET,
                        "(?i)(?:password|passwd|passphrase|passwort|kennwort|wachtwoord|senha|contrase[nñÑ]a|mot de passe)"
                                + "((?:[ \\t]{1,3}(?!(?:" + PROSE_SEPARATORS + ")[ \\t])[\\p{L}\\p{N}_'’-]{1,24}){1,5}?)"
                                + "(?:[ \\t]{1,3}(?:" + PROSE_SEPARATORS + ")(?=[ \\t])|[ \\t]{0,3}[=:](?=[ \\t\"'`]))[ \\t]{0,4}"
                                + "(?:\"([^\"\\r\\n]{1,300})\"|'([^'\\r\\n]{1,300})'|`([^`\\r\\n]{1,300})`"
                                + "|([^\\s\"'`,;)}\\]]{0,299}[^\\s\"'`,;)}\\].!?:]))",
                        -2, 420, SecretRules::passwordAfterWords,
                        "password", "passwd", "passphrase", "passwort", "kennwort", "wachtwoord", "senha", "contrase",
                        "mot de passe")
                        .checkedBy(SecretRules::mayNamePasswordInProse),
                prefixed(FindingType.GENERIC_SECRET,
                        "(?i)(?<![A-Za-z0-9])(?:bearer|basic)\\s{1,3}([A-Za-z0-9._~+/-]{15,2047}[A-Za-z0-9_~+/=-])",
                        1, 2100, (t, m, s, e) -> tokenLike(t.substring(s, e)) ? 0.85 : REJECT, "bearer", "basic"));
    }

    /** Where an AWS secret can start: a run of exactly 40 base64 characters not followed by padding. */
    private static boolean startsFortyCharacterRun(String text, int i) {
        if (i > 0 && isBase64(text.charAt(i - 1))) {
            return false;
        }
        int end = i;
        while (end < text.length() && end - i <= 40 && isBase64(text.charAt(end))) {
            end++;
        }
        return end - i == 40 && (end == text.length() || text.charAt(end) != '=');
    }

    private static boolean isBase64(char c) {
        return Context.isAlnum(c) || c == '/' || c == '+';
    }

    /**
     * Whether the {@code ://} at {@code [anchorStart, anchorEnd)} can be followed by {@code user:password@}: the first of
     * white space : / ? # @ ' " < > after it is a ':' within 129 characters, and after that the first of white space
     * @ / ? ' " < > is an '@' after at least one character and within 257 - what the pattern requires.
     */
    private static boolean mayHoldUserInfoPassword(String text, int anchorStart, int anchorEnd, int digits) {
        int colon = firstOf(text, anchorEnd, anchorEnd + 129, " \t\n\u000B\f\r:/?#@'\"<>");
        if (colon < 0 || text.charAt(colon) != ':') {
            return false;
        }
        int at = firstOf(text, colon + 1, colon + 258, " \t\n\u000B\f\r@/?'\"<>");
        return at > colon + 1 && text.charAt(at) == '@';
    }

    /** Index of the first character of {@code set} in {@code [from, to)} (bounded by the text), or -1. */
    private static int firstOf(String text, int from, int to, String set) {
        for (int i = from, end = Math.min(to, text.length()); i < end; i++) {
            if (set.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Where a URI scheme can start: a letter not preceded by a scheme character. */
    private static boolean startsScheme(String text, int i) {
        char c = text.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
            return false;
        }
        char before = Context.charAt(text, i - 1);
        return !(Context.isAlnum(before) || before == '+' || before == '.' || before == '-');
    }

    /** Long enough, random enough, and not a documentation value, placeholder or masked value. */
    static boolean keyLike(String text, int start, int end, int prefixLength, double minEntropy) {
        String value = text.substring(start, end);
        String body = value.substring(Math.min(prefixLength, value.length()));
        return !LookAlikes.isDocumentationValue(value) && !LookAlikes.isMasked(value)
                && !LookAlikes.isPlaceholder(body) && Checksums.entropy(body) >= minEntropy;
    }

    private static double awsSecret(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        boolean mixed = (kinds(v) & MIXED) == MIXED;
        if (!mixed || !keyLike(text, s, e, 0, 4.0) || !Context.near(text, s, e, 160, AWS_CONTEXT)) {
            return REJECT;
        }
        return 0.9;
    }

    private static double github(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        if (v.startsWith("github_pat_")) {
            return keyLike(text, s, e, 11, 3.5) ? 0.95 : REJECT;
        }
        return Checksums.githubCrc(v) ? 0.99 : REJECT;
    }

    private static double slackWebhook(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        String[] parts = v.substring(v.indexOf(".com/") + 5).split("/");
        String last = parts[parts.length - 1];
        if (parts.length < 3 || last.length() < 16 || LookAlikes.isMasked(v) || LookAlikes.isPlaceholder(last)
                || Checksums.entropy(last) < 3.0) {
            return REJECT;
        }
        for (int i = 1; i < parts.length - 1; i++) {
            if (LookAlikes.isMonotonous(parts[i].substring(1)) || LookAlikes.isMasked(parts[i])) {
                return REJECT;
            }
        }
        return 0.97;
    }

    private static double slackToken(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        String[] parts = v.split("-");
        String last = parts[parts.length - 1];
        long digits = v.chars().filter(Character::isDigit).count();
        if (parts.length < 3 || digits < 8 || last.length() < 8 || LookAlikes.isMasked(v)
                || LookAlikes.isPlaceholder(v.substring(5)) || Checksums.entropy(last) < 2.5) {
            return REJECT;
        }
        return 0.95;
    }

    private static double stripe(String text, MatchResult m, int s, int e) {
        if (!keyLike(text, s, e, 8, 3.0)) {
            return REJECT;
        }
        return text.startsWith("live", s + 3) ? 0.98 : 0.9;
    }

    private static double anthropic(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        if (!keyLike(text, s, e, v.indexOf('-', 7) + 1, 3.5)) {
            return REJECT;
        }
        return v.endsWith("AA") ? 0.99 : 0.9;
    }

    private static double openAi(String text, MatchResult m, int s, int e) {
        String v = text.substring(s, e);
        if (v.startsWith("sk-ant-")) {
            return REJECT;
        }
        int bodyStart = v.indexOf('-', 3) > 0 && v.indexOf('-', 3) < 12 ? v.indexOf('-', 3) + 1 : 3;
        String body = v.substring(bodyStart);
        if (v.contains("T3BlbkFJ")) {
            return keyLike(text, s, e, bodyStart, 3.5) ? 0.99 : REJECT;
        }
        boolean mixed = (kinds(body) & MIXED) == MIXED;
        return body.length() >= 32 && mixed && keyLike(text, s, e, bodyStart, 4.0) ? 0.85 : REJECT;
    }

    private static double privateKey(String text, MatchResult m, int s, int e) {
        int headerEnd = text.indexOf("-----", text.indexOf("PRIVATE KEY", s)) + 5;
        int base64 = 0;
        for (int i = headerEnd; i < e && base64 < 64; i++) {
            char c = text.charAt(i);
            if (Context.isAlnum(c) || c == '+' || c == '/') {
                base64++;
            }
        }
        String body = text.substring(headerEnd, e);
        return base64 >= 64 && !LookAlikes.isMasked(body.replace("-----END", "")) ? 0.99 : REJECT;
    }

    private static double jwt(String text, MatchResult m, int s, int e) {
        String[] parts = text.substring(s, e).split("\\.", -1);
        JsonNode header = decodeJson(parts[0]);
        JsonNode payload = decodeJson(parts[1]);
        if (header == null || payload == null || !header.path("alg").isTextual()) {
            return REJECT;
        }
        boolean unsigned = header.path("alg").asText().equalsIgnoreCase("none");
        return unsigned || parts[2].length() >= 16 ? 0.98 : REJECT;
    }

    private static JsonNode decodeJson(String base64url) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(base64url));
            return node != null && node.isObject() ? node : null;
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static double uriPassword(String text, MatchResult m, int s, int e) {
        String host = m.group(2);
        return secretValue(text.substring(s, e), 3) && !LookAlikes.isReservedDomain(host) ? 0.95 : REJECT;
    }

    private static double keyValuePassword(String text, MatchResult m, int s, int e) {
        int lineStart = Math.max(text.lastIndexOf('\n', m.start()) + 1, m.start() - 300);
        int lineEnd = text.indexOf('\n', e);
        lineEnd = lineEnd < 0 ? Math.min(text.length(), e + 300) : Math.min(lineEnd, e + 300);
        boolean connection = Context.within(text, lineStart, lineEnd, CONNECTION_KEYS)
                || text.substring(lineStart, lineEnd).contains("://");
        return connection && secretValue(text.substring(s, e), 3) ? 0.9 : REJECT;
    }

    /** The key words the {@code key = value} pattern starts with (its alternatives; "credentials?" as "credential"). */
    private static final String[] ASSIGNMENT_KEY_WORDS = {"password", "passwd", "passphrase", "pwd", "secret", "token",
        "credential", "apikey", "api_key", "api-key", "accesskey", "access_key", "access-key", "authkey", "auth_key",
        "auth-key", "privatekey", "private_key", "private-key", "passwort", "kennwort", "wachtwoord", "senha", "contrasena",
        "contraseña"};
    /** Password in German, Dutch, Portuguese and Spanish (the French "mot de passe" has spaces, so no key shape). */
    private static final String[] FOREIGN_PASSWORD_WORDS = {"passwort", "kennwort", "wachtwoord", "senha", "contrase"};
    /** The shortest of them. */
    private static final int SHORTEST_KEY_WORD = 3;
    /** The pattern's longest unquoted value. */
    private static final int LONGEST_UNQUOTED_VALUE = 300;

    /**
     * The {@code key=value} of logs and configs with a short value ({@code tokens_in=1964}) without the regex: when the
     * key run from {@code start} ends at an {@code =} directly followed by an unquoted value, the pattern's first match is
     * the key run, the {@code =} and the value up to its last character that may end it; shorter than
     * {@link #MIN_ASSIGNED_SECRET}, {@link #assignment} rejects it. Anything else (spaces, quotes, {@code =>}, long keys
     * or values, the region's end) returns -1 and the regex decides.
     */
    private static int shortAssignedValueEnd(String text, int start, int to) {
        if (!startsWithKeyWord(text, start)) {
            return -1;
        }
        int keyEnd = start;
        while (keyEnd < to && isKeyChar(text.charAt(keyEnd))) {
            keyEnd++;
        }
        int valueStart = keyEnd + 1;
        if (keyEnd - start > SHORTEST_KEY_WORD + 30 || valueStart >= to || text.charAt(keyEnd) != '='
                || "> \t\n\u000B\f\r\"'`".indexOf(text.charAt(valueStart)) >= 0) {
            return -1;
        }
        int runEnd = valueStart;
        while (runEnd < to && runEnd - valueStart < LONGEST_UNQUOTED_VALUE
                && " \t\n\u000B\f\r\"'`,;)}]".indexOf(text.charAt(runEnd)) < 0) {
            runEnd++;
        }
        if (runEnd == to || runEnd - valueStart >= LONGEST_UNQUOTED_VALUE) {
            return -1;
        }
        int valueEnd = runEnd;
        while (valueEnd > valueStart && ".!?:".indexOf(text.charAt(valueEnd - 1)) >= 0) {
            valueEnd--;
        }
        return valueEnd > valueStart && valueEnd - valueStart < MIN_ASSIGNED_SECRET ? valueEnd : -1;
    }

    /** Case is ignored for ASCII letters only, as the pattern's (?i) does (regionMatches would also fold 'ſ' to 's'). */
    private static boolean startsWithKeyWord(String text, int i) {
        char first = i < text.length() ? (char) (text.charAt(i) | 0x20) : ' ';
        if ("pstcakw".indexOf(first) < 0) {
            return false;
        }
        for (String word : ASSIGNMENT_KEY_WORDS) {
            int k = 0;
            while (k < word.length() && i + k < text.length()
                    && (text.charAt(i + k) == word.charAt(k) || text.charAt(i + k) == Character.toUpperCase(word.charAt(k)))) {
                k++;
            }
            if (k == word.length()) {
                return true;
            }
        }
        return false;
    }

    /** {@code key = value} where the key names a secret; the value must look like one. */
    private static double assignment(String text, MatchResult m, int s, int e) {
        if (e - s < MIN_ASSIGNED_SECRET) {
            return REJECT; // what secretValue below rejects anyway, before any String is built: counts like tokens_in=1964
        }
        String fromKeyWord = m.group(1).toLowerCase(Locale.ROOT);
        String key = keyName(text, m.start()) + fromKeyWord;
        String separator = m.group(2).toLowerCase(Locale.ROOT);
        String value = text.substring(s, e);
        boolean quoted = m.group(6) == null;
        if (containsAny(key, NOT_SECRET_KEYS) || containsAny(fromKeyWord, NOT_SECRET_AFTER_KEY_WORD)) {
            return REJECT;
        }
        boolean prose = Character.isLetter(separator.charAt(0));
        if (prose && !LOWER_WORD.matcher(key).matches()) {
            return REJECT;
        }
        if (!secretValue(value, MIN_ASSIGNED_SECRET) || LookAlikes.isUuid(value) || looksLikeCode(value)) {
            return REJECT;
        }
        boolean passwordKey = key.contains("pass") || key.contains("pwd")
                || containsAny(fromKeyWord, FOREIGN_PASSWORD_WORDS);
        if (passwordKey) {
            boolean machineLike = !prose && value.length() >= 8 && !CAMEL_CASE.matcher(value).matches()
                    && (value.chars().anyMatch(Character::isDigit) || !value.equals(value.toLowerCase(Locale.ROOT)));
            return quoted && !prose || passwordLike(value) || machineLike ? 0.85 : REJECT;
        }
        return tokenShaped(value) ? 0.8 : REJECT; // tokenLike's look-alike checks are secretValue's, passed above
    }

    /**
     * A password named with a few words between the password word and the value ("the password for the server is X",
     * "mot de passe du compte : X"): words that make it something other than a password (policy, length, manager,
     * reset, hint) reject it, and the value must mix letters with digits or symbols, so prose ("the password for the
     * VPN is expired") stays quiet.
     */
    private static double passwordAfterWords(String text, MatchResult m, int s, int e) {
        for (String word : m.group(1).strip().toLowerCase(Locale.ROOT).split("[ \t]+")) {
            // word starts, not substrings as in key names: "admin" is no "min"
            if (startsWithAny(word, NOT_SECRET_KEYS) || startsWithAny(word, NOT_SECRET_AFTER_KEY_WORD)) {
                return REJECT;
            }
        }
        String value = text.substring(s, e);
        return secretValue(value, MIN_ASSIGNED_SECRET) && passwordLike(value) && !LookAlikes.isUuid(value)
                && !looksLikeCode(value) ? 0.8 : REJECT;
    }

    /**
     * What {@link #passwordAfterWords} needs after the password word (and at most two more letters: contraseña): a space
     * or tab, then a first word that does not make it something other than a password ("password reset flow").
     */
    private static boolean mayNamePasswordInProse(String text, int anchorStart, int anchorEnd, int digits) {
        int i = anchorEnd;
        while (i - anchorEnd < 2 && Character.isLetter(Context.charAt(text, i))) {
            i++;
        }
        if (Context.charAt(text, i) != ' ' && Context.charAt(text, i) != '\t') {
            return false;
        }
        while (Context.charAt(text, i) == ' ' || Context.charAt(text, i) == '\t') {
            i++;
        }
        for (String[] words : new String[][] {NOT_SECRET_KEYS, NOT_SECRET_AFTER_KEY_WORD}) {
            for (String word : words) {
                if (text.regionMatches(true, i, word, 0, word.length())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean startsWithAny(String s, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The part of the key name before the secret word: {@code db_} of {@code db_password}. */
    private static String keyName(String text, int keywordStart) {
        int from = keywordStart;
        while (from > 0 && keywordStart - from < 40 && isKeyChar(text.charAt(from - 1))) {
            from--;
        }
        return text.substring(from, keywordStart).toLowerCase(Locale.ROOT);
    }

    private static boolean isKeyChar(char c) {
        return Context.isAlnum(c) || c == '_' || c == '.' || c == '-';
    }

    /** Not a placeholder, a masked value or blank; at least {@code minLength} characters. */
    static boolean secretValue(String value, int minLength) {
        return value.length() >= minLength && value.strip().equals(value) && !LookAlikes.isPlaceholder(value)
                && !LookAlikes.isMasked(value);
    }

    /** Letters mixed with digits or symbols: a password, not a word. */
    private static boolean passwordLike(String v) {
        boolean letter = false;
        boolean other = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!Character.isWhitespace(c)) {
                other = true;
            }
        }
        return v.length() >= 6 && letter && other;
    }

    /** A machine-made token: long, random-looking, of at least two character kinds. */
    static boolean tokenLike(String v) {
        return tokenShaped(v) && !LookAlikes.isPlaceholder(v) && !LookAlikes.isMasked(v);
    }

    private static boolean tokenShaped(String v) {
        int kinds = kinds(v);
        return v.length() >= 16 && Integer.bitCount(kinds & MIXED) >= 2 && (kinds & SPACE) == 0
                && Checksums.entropy(v) >= 3.3;
    }

    private static final int UPPER = 1;
    private static final int LOWER = 2;
    private static final int DIGIT = 4;
    private static final int SPACE = 8;
    private static final int MIXED = UPPER | LOWER | DIGIT;

    /** Which of upper-case letters, lower-case letters, digits and white space (by char, as Character tells) occur. */
    private static int kinds(String v) {
        int kinds = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            kinds |= (Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0)
                    | (Character.isDigit(c) ? DIGIT : 0) | (Character.isWhitespace(c) ? SPACE : 0);
        }
        return kinds;
    }

    /** A reference to where the secret lives, not the secret: {@code os.environ[...]}, {@code getPassword()}. */
    private static boolean looksLikeCode(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.contains("(") || l.contains("[") || l.startsWith("os.") || l.startsWith("process.") || l.startsWith("env.")
                || l.startsWith("self.") || l.startsWith("this.") || l.startsWith("config.") || l.startsWith("settings.")
                || l.startsWith("secrets.") || l.startsWith("system.") || l.startsWith("vault:") || l.startsWith("request.")
                || l.startsWith("args.") || l.startsWith("params.") || DOTTED_NAME.matcher(l).matches() || SNAKE_CASE.matcher(l).matches();
    }
}
