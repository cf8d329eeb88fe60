package dev.sightline.classify;

import java.util.Locale;

/** Masked previews and canonical forms of found values. A preview never shows more than a few characters. */
final class Masking {

    private static final String STARS = "****";

    private Masking() {
    }

    static String preview(FindingType type, String raw) {
        return switch (type) {
            case CREDIT_CARD -> {
                String d = Context.digitsOf(raw);
                yield d.substring(0, 4) + " **** **** " + d.substring(d.length() - 4);
            }
            case EMAIL_ADDRESS -> raw.charAt(0) + "***" + raw.substring(raw.indexOf('@'));
            case US_SSN -> "***-**-" + last(Context.digitsOf(raw), 4);
            case PHONE_NUMBER -> keepLastDigits(raw, 2);
            case IBAN -> {
                String c = Context.alnumUpperOf(raw);
                yield c.substring(0, 4) + " " + STARS + " " + last(c, 4);
            }
            case IP_ADDRESS -> raw.indexOf(':') >= 0 ? Ipv6.preview(raw) : ipv4Preview(raw);
            case PRIVATE_KEY -> raw.substring(0, raw.indexOf("-----", 5) + 5) + STARS;
            case CONNECTION_STRING_PASSWORD, GENERIC_SECRET -> STARS;
            case SOURCE_CODE, PROPRIETARY_CODE -> "[code: " + lineCount(raw) + " lines]";
            case ICD10_CODE, UK_NINO, US_DEA_NUMBER, US_NPI, MEDICAL_RECORD_NUMBER, PASSPORT_NUMBER ->
                    raw.length() <= 4 ? raw.charAt(0) + "***" : raw.substring(0, 2) + STARS + last(raw, 2);
            default -> raw.length() >= 16 ? raw.substring(0, 4) + STARS + last(raw, 4) : raw.substring(0, 2) + STARS;
        };
    }

    /** The first two octets of a dotted quad: {@code 81.2.*.*}. */
    static String ipv4Preview(String dotted) {
        return dotted.substring(0, dotted.indexOf('.', dotted.indexOf('.') + 1)) + ".*.*";
    }

    /** The form that is hashed, so that the same value written differently correlates. */
    static String canonical(FindingType type, String raw) {
        return switch (type) {
            case CREDIT_CARD, US_SSN, US_NPI -> Context.digitsOf(raw);
            case PHONE_NUMBER -> (raw.startsWith("+") ? "+" : "") + Context.digitsOf(raw);
            case IBAN, UK_NINO -> Context.alnumUpperOf(raw);
            case EMAIL_ADDRESS -> raw.toLowerCase(Locale.ROOT);
            case IP_ADDRESS -> raw.indexOf(':') >= 0 ? Ipv6.canonical(raw) : raw;
            default -> raw;
        };
    }

    /** What {@code s.lines().count()} gives (lines end at \n, \r or \r\n), without a stream per finding. */
    static int lineCount(String s) {
        int lines = 0;
        int i = 0;
        while (i < s.length()) {
            lines++;
            while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                i++;
            }
            if (i < s.length()) {
                i += s.startsWith("\r\n", i) ? 2 : 1;
            }
        }
        return lines;
    }

    private static String last(String s, int n) {
        return s.substring(Math.max(0, s.length() - n));
    }

    private static String keepLastDigits(String raw, int keep) {
        int digits = Context.digitsOf(raw).length();
        StringBuilder sb = new StringBuilder(raw.length());
        int seen = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                seen++;
                sb.append(seen > digits - keep ? c : '*');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
