package dev.sightline.classify;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Values that look sensitive but are not: documentation and test values, placeholders, masked values, ids, digests. */
final class LookAlikes {

    /** Published test card numbers (card networks, Stripe, Braintree, PayPal, Adyen documentation). */
    private static final Set<String> TEST_CARDS = Set.of(
            "4111111111111111", "4242424242424242", "4012888888881881", "4222222222222", "4000056655665556",
            "4000002500003155", "4000000000003220", "4000000000009995", "4000000000000077", "4000000000000002",
            "4917610000000000", "4462030000000000", "4484070000000000", "4988438843884305", "4166676667666746",
            "4646464646464644", "4000000000000010", "4012000033330026", "4005519200000004", "4009348888881881",
            "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "5454545454545454",
            "5431111111111111", "5500000000000004", "2222400070000005", "5101180000000007", "2223000048400011",
            "378282246310005", "371449635398431", "378734493671000", "340000000000009", "370000000000002",
            "6011111111111117", "6011000990139424", "6011000400000000", "6011601160116611", "6445644564456445",
            "30569309025904", "38520000023237", "36227206271667", "36006666333344", "3566002020360505",
            "3530111333300000", "3566111111111113", "6200000000000005", "6205500000000000004", "6759649826438453",
            "6799990100000000019", "4035501000000008", "4360000001000005", "4000000760000002", "4000001240000000");

    private static final Set<String> DOCUMENTATION_VALUES = Set.of(
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AKIAI44QH8DHBEXAMPLE",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "sk_test_BQokikJOvBiI2HlWgH4olfQ2", "GB82WEST12345698765432", "DE89370400440532013000",
            "GB29NWBK60161331926819", "FR1420041010050500013M02606");

    /** The SSA's published invalid examples and the classic advertising number. */
    private static final Set<String> EXAMPLE_SSNS = Set.of("078051120", "219099999", "123456789", "111111111");

    private static final Set<String> PLACEHOLDER_WORDS = Set.of(
            "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "api-key", "key", "value",
            "changeme", "change_me", "change-me", "none", "null", "nil", "undefined", "true", "false", "empty",
            "string", "str", "test", "testing", "foo", "bar", "foobar", "baz", "dummy", "sample", "example",
            "placeholder", "redacted", "hidden", "masked", "removed", "omitted", "secret123", "password123",
            "mypassword", "mysecret", "mytoken", "notasecret", "letmein", "qwerty", "abc123", "12345", "123456",
            "1234567", "12345678", "123456789", "1234567890", "todo", "tbd", "fixme", "required", "optional",
            "xxx", "n/a", "na", "unknown", "default", "env", "secretkey", "secret_key", "accesskey", "access_key",
            "client_secret", "auth_token", "access_token", "bearer", "basic");

    /** Whole-value shapes of placeholders; values that contain a give-away word are {@link #PLACEHOLDER_MARKS}. */
    private static final Pattern PLACEHOLDER_SHAPES = Pattern.compile(
            "(?i)(?:your|insert|enter|replace|paste)[-_ .]?[a-z0-9_-]{0,40}"
            + "|[a-z0-9_-]{0,40}[-_ .](?:here|goes|placeholder)"
            + "|\\$[A-Za-z_][A-Za-z0-9_]{0,80}|%[A-Za-z_][A-Za-z0-9_]{0,80}%|\\{[A-Za-z_][A-Za-z0-9_.]{0,80}\\}|:[a-z_]{1,40}");
    /**
     * A value of one line holding one of these (ignoring ASCII case) with at most {@link #PLACEHOLDER_REACH} code points
     * on either side is a placeholder. Searched by hand: as a regex ({@code .{0,80}(?:...).{0,80}}) it backtracks
     * through every split of the value and was the scanner's costliest validator.
     */
    private static final String[] PLACEHOLDER_MARKS = {"example", "placeholder", "dummy", "changeme", "change-me",
        "change_me", "redacted", "xxxx", "...", "…", "fake", "sample", "<", ">", "${", "{{", "%(", "$("};
    private static final int PLACEHOLDER_REACH = 80;
    /** A masked value is one line with a mask (***, xxxx, ..., …) and at most this many code points on either side. */
    private static final int MASK_REACH = 200;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{16,128}");

    private LookAlikes() {
    }

    /** A published test number, or a synthetic one (three or fewer distinct digits, like 4000 0000 0000 0077). */
    static boolean isTestCard(String digits) {
        return TEST_CARDS.contains(digits) || distinctDigits(digits) <= 3;
    }

    static boolean isDocumentationValue(String value) {
        return DOCUMENTATION_VALUES.contains(value) || value.contains("EXAMPLE");
    }

    static boolean isExampleSsn(String digits) {
        return EXAMPLE_SSNS.contains(digits) || distinctDigits(digits) == 1;
    }

    /** RFC 2606 / RFC 6761 names: example.com/.net/.org, .example, .test, .invalid, .localhost, localhost. */
    static boolean isReservedDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d.equals("localhost") || d.endsWith(".localhost") || d.endsWith(".example") || d.endsWith(".test")
                || d.endsWith(".invalid") || d.equals("local") || d.endsWith(".local")
                || isExampleSld(d, "example.com") || isExampleSld(d, "example.net") || isExampleSld(d, "example.org");
    }

    private static boolean isExampleSld(String d, String sld) {
        return d.equals(sld) || d.endsWith("." + sld);
    }

    /** A template, variable reference or stand-in where a secret would go: {@code YOUR_API_KEY}, {@code ${VAR}}, {@code <token>}. */
    static boolean isPlaceholder(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return PLACEHOLDER_WORDS.contains(v) || hasPlaceholderShape(value) || isMonotonous(v);
    }

    static boolean hasPlaceholderShape(String value) {
        return hasPlaceholderMark(value) || mayHavePlaceholderShape(value) && PLACEHOLDER_SHAPES.matcher(value).matches();
    }

    /**
     * What each alternative of {@link #PLACEHOLDER_SHAPES} needs: a first character y i e r p $ % { : (either case), or
     * an ending "here", "goes" or "placeholder" (either case). Most values have neither, and skip the regex.
     */
    private static boolean mayHavePlaceholderShape(String v) {
        if (v.isEmpty()) {
            return false;
        }
        char first = v.charAt(0);
        return "yierpYIERP$%{:".indexOf(first) >= 0 || endsWithIgnoringAsciiCase(v, "here")
                || endsWithIgnoringAsciiCase(v, "goes") || endsWithIgnoringAsciiCase(v, "placeholder");
    }

    /** {@code suffix} is lower-case ASCII letters. */
    private static boolean endsWithIgnoringAsciiCase(String v, String suffix) {
        int from = v.length() - suffix.length();
        if (from < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length(); i++) {
            char c = v.charAt(from + i);
            if (c != suffix.charAt(i) && c != suffix.charAt(i) - ('a' - 'A')) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasPlaceholderMark(String value) {
        if (hasLineTerminator(value)) {
            return false;
        }
        String lower = asciiLowerCase(value);
        int lastStart = headEnd(value, PLACEHOLDER_REACH);
        int firstEnd = tailStart(value, PLACEHOLDER_REACH);
        for (String mark : PLACEHOLDER_MARKS) {
            for (int at = lower.indexOf(mark); at >= 0 && at <= lastStart; at = lower.indexOf(mark, at + 1)) {
                if (at + mark.length() >= firstEnd) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A value with its middle masked: {@code ****1234}, {@code XXXX-XXXX}, {@code sk-...abcd}. */
    static boolean isMasked(String value) {
        if (hasLineTerminator(value)) {
            return false;
        }
        int lastStart = Math.min(headEnd(value, MASK_REACH), value.length() - 1);
        int firstEnd = tailStart(value, MASK_REACH);
        for (int at = 0; at <= lastStart; at++) {
            int mask = maskLengthAt(value, at);
            if (mask > 0 && at + mask >= firstEnd) {
                return true;
            }
        }
        return false;
    }

    /** The last index with at most {@code reach} code points before it (the regex {@code ^.{0,reach}} counts code points). */
    private static int headEnd(String v, int reach) {
        return v.codePointCount(0, v.length()) <= reach ? v.length() : v.offsetByCodePoints(0, reach);
    }

    /** The first index with at most {@code reach} code points after it. */
    private static int tailStart(String v, int reach) {
        return v.codePointCount(0, v.length()) <= reach ? 0 : v.offsetByCodePoints(v.length(), -reach);
    }

    /** Length of the longest mask starting at {@code at}: three of * • ● #, four x, "...", "…"; 0 when none. */
    private static int maskLengthAt(String v, int at) {
        if (isX(v, at) && isX(v, at + 1) && isX(v, at + 2) && isX(v, at + 3)) {
            return 4;
        }
        if (isMaskChar(v, at) && isMaskChar(v, at + 1) && isMaskChar(v, at + 2) || v.startsWith("...", at)) {
            return 3;
        }
        return v.charAt(at) == '…' ? 1 : 0;
    }

    private static boolean isX(String v, int i) {
        return i < v.length() && (v.charAt(i) | 0x20) == 'x';
    }

    private static boolean isMaskChar(String v, int i) {
        return i < v.length() && "*•●#".indexOf(v.charAt(i)) >= 0;
    }

    /** The characters {@code .} of a regex does not match: a value holding one is not "one line". */
    private static boolean hasLineTerminator(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /** A-Z to a-z only, length kept (so offsets stay valid), as a regex's (?i) folds without UNICODE_CASE. */
    private static String asciiLowerCase(String v) {
        char[] chars = v.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    static boolean isUuid(String value) {
        return UUID.matcher(value).matches();
    }

    /** Hex strings of digest length: MD5, SHA-1, SHA-2 family, commit ids. */
    static boolean isHexDigest(String value) {
        int n = value.length();
        return HEX.matcher(value).matches() && (n == 32 || n == 40 || n == 56 || n == 64 || n == 96 || n == 128);
    }

    /** One repeated character, or a straight run like abcdef / 123456. */
    static boolean isMonotonous(String v) {
        if (v.length() < 2) {
            return true;
        }
        boolean same = true;
        boolean ascending = true;
        for (int i = 1; i < v.length(); i++) {
            same &= v.charAt(i) == v.charAt(0);
            ascending &= v.charAt(i) == v.charAt(i - 1) + 1;
        }
        return same || ascending;
    }

    static int distinctDigits(String digits) {
        int mask = 0;
        for (int i = 0; i < digits.length(); i++) {
            mask |= 1 << (digits.charAt(i) - '0');
        }
        return Integer.bitCount(mask);
    }
}
