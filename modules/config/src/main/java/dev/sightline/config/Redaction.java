package dev.sightline.config;

import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;

/** How values are shown in messages and descriptions without leaking credentials or breaking log lines. */
final class Redaction {

    /** {@code scheme://user:password@host}: the user info is a credential even under a key that is not secret. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?<=://)[^/@\\s]+@");
    private static final int MAX_SHOWN = 120;

    private Redaction() {
    }

    /** Masks URL user info and escapes control characters (as backslash-u) so the value stays on one line. */
    static String scrub(String value) {
        String masked = URL_USER_INFO.matcher(value).replaceAll(Secret.MASK + "@");
        StringBuilder shown = new StringBuilder(masked.length());
        masked.chars().forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        return shown.toString();
    }

    /** For error messages: scrubbed, shortened, in quotes; the mask for secrets. */
    static String quote(String value, boolean secret) {
        return "'" + (secret ? Secret.MASK : StringUtils.abbreviate(scrub(value), MAX_SHOWN)) + "'";
    }
}
