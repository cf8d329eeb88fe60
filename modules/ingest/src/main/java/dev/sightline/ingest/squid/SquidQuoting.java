package dev.sightline.ingest.squid;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The quoting modifiers of a Squid format code ({@code %"un}, {@code %[un}, ...) and how to undo them. Squid never
 * writes an empty value: it writes {@code -} instead, whatever the quoting.
 */
public enum SquidQuoting {
    /** No modifier: the value as Squid renders it. */
    NONE(""),
    /** {@code "}: backslash escapes for {@code " \ CR LF TAB}, no surrounding quotes (the definition supplies them). */
    QUOTES("\""),
    /** {@code [}: the log_mime_hdrs style: {@code %XX} for control, non-ASCII, {@code % [ ]}; {@code \\ \r \n}. */
    MIME_BLOB("["),
    /** {@code #}: URL (percent) encoding. */
    URL("#"),
    /** {@code '}: raw, no quoting at all. */
    RAW("'"),
    /** {@code /}: shell-like, in double quotes with {@code \"} and {@code \\} escapes. */
    SHELL("/");

    private final String modifier;

    SquidQuoting(String modifier) {
        this.modifier = modifier;
    }

    static SquidQuoting ofModifier(char c) {
        for (SquidQuoting q : values()) {
            if (!q.modifier.isEmpty() && q.modifier.charAt(0) == c) {
                return q;
            }
        }
        return null;
    }

    /** The value as it was before Squid quoted it. */
    String decode(String logged) {
        return switch (this) {
            case NONE, RAW -> logged;
            case QUOTES -> unescapeBackslashes(logged);
            case SHELL -> logged.length() >= 2 && logged.startsWith("\"") && logged.endsWith("\"")
                    ? unescapeBackslashes(logged.substring(1, logged.length() - 1)) : logged;
            case URL -> percentDecode(logged);
            case MIME_BLOB -> percentDecode(unescapeBackslashes(logged));
        };
    }

    private static String unescapeBackslashes(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(switch (next) {
                    case 'r' -> '\r';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Decodes {@code %XX} sequences as UTF-8; a {@code %} not followed by two hex digits stays as it is. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] raw = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            int hi = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(raw[i + 2], 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
