package dev.sightline.ingest.squid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled Squid {@code logformat} definition: reads the lines Squid writes with it.
 *
 * <p>The definition is read as Squid reads it: {@code %} then optional modifiers (quoting {@code " [ # ' /}, {@code -}
 * left-aligned, {@code 0} zero-padded, {@code min[.max]} width), an optional {@code {argument}} before or (for codes
 * that take one) after the code, the code itself (longest known name wins) and literal text in between; {@code %%} is a
 * literal percent sign. It becomes one regular expression with one group per code:
 * <ul>
 *   <li>a run of white space in the literal text matches one or more spaces, because width padding ({@code %6tr}) adds
 *       spaces;</li>
 *   <li>numbers are digits or {@code -}; Common Log Format times are {@code dd/MMM/yyyy:HH:mm:ss +zzzz};</li>
 *   <li>a value under the {@code "} modifier inside literal double quotes is a backslash-escaped string and may hold
 *       spaces and quotes; a header value ({@code %{User-Agent}>h}) runs up to the first character of the literal text
 *       that follows it, so {@code "%{User-Agent}>h"} may hold spaces but no double quote;</li>
 *   <li>any other value is a token without spaces that ends at the first occurrence of the literal text that follows
 *       it; an address ends at the last one, so that {@code %<a:%<p} reads IPv6 addresses.</li>
 * </ul>
 * Each code together with the literal text after it is matched atomically (no backtracking into it later), which keeps
 * matching linear in the line length whatever the input.
 *
 * <p>Known limits, all shared with Squid's own output being ambiguous there: a value without spaces is required where
 * the definition separates codes by spaces (a user name containing a space does not match), and a header value cannot
 * contain the character that ends it. Custom strftime arguments to {@code %tl}/{@code %tg} are not supported.
 */
public final class SquidLogFormat {

    private static final Pattern LOGFORMAT_PREFIX = Pattern.compile("^\\s*logformat\\s+\\S+\\s+");
    private static final String CLF_TIME = "\\d{1,2}/[A-Za-z]{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}(?: [+-]\\d{4})?";
    private static final String ESCAPED_STRING = "(?:[^\"\\\\]|\\\\.)*+";

    /** Squid's built-in {@code squid} (native) format. */
    public static final SquidLogFormat NATIVE =
            compile("%ts.%03tu %6tr %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt");
    /** Squid's built-in {@code common} format. */
    public static final SquidLogFormat COMMON =
            compile("%>a %[ui %[un [%tl] \"%rm %ru HTTP/%rv\" %>Hs %<st %Ss:%Sh");
    /** Squid's built-in {@code combined} format. */
    public static final SquidLogFormat COMBINED = compile(
            "%>a %[ui %[un [%tl] \"%rm %ru HTTP/%rv\" %>Hs %<st \"%{Referer}>h\" \"%{User-Agent}>h\" %Ss:%Sh");
    /** The {@code ext} format of the reference squid.conf: upload bytes, ports, users, error codes, agent, referer. */
    public static final SquidLogFormat EXT = compile("%ts.%03tu %tr %>a %>p %la %lp ui=%[ui un=%[un ul=%[ul"
            + " %Ss/%03>Hs %<Hs %rm %ru %>rd %>rP in=%>st out=%<st inhdr=%>sh outhdr=%<sh %Sh/%<a:%<p %mt"
            + " err=%err_code/%err_detail dt=%dt xid=%master_xaction \"%{User-Agent}>h\" \"%{Referer}>h\"");

    /**
     * One code of the definition.
     *
     * @param argument the {@code {argument}} (a header name), empty when none
     * @param minWidth minimum width, 0 when none
     */
    public record Field(SquidCode code, String argument, SquidQuoting quoting, boolean leftAligned,
            boolean zeroPadded, int minWidth) {

        /** The field as written in a definition, e.g. {@code %03>Hs}, for messages. */
        public String display() {
            return "%" + (argument.isEmpty() ? "" : "{" + argument + "}") + code.text();
        }
    }

    /** The result of matching one line. */
    public sealed interface Match {
        /** The line has the format's shape. */
        record Matched(SquidFields fields) implements Match {
        }

        /** The line does not; the reason names the field and column, never the text found there. */
        record Mismatch(String reason) implements Match {
        }
    }

    private final String definition;
    private final List<Field> fields;
    private final Set<SquidCode> codes;
    private final Pattern pattern;
    /** prefixes.get(k) matches the leading literal and the first k fields: finds where a line stops matching. */
    private final List<Pattern> prefixes;

    private SquidLogFormat(String definition, List<Field> fields, List<String> literals) {
        this.definition = definition;
        this.fields = List.copyOf(fields);
        EnumSet<SquidCode> present = EnumSet.noneOf(SquidCode.class);
        fields.forEach(f -> present.add(f.code()));
        this.codes = Set.copyOf(present);
        List<String> pieces = new ArrayList<>();
        pieces.add("^[ \\t]*" + literalRegex(literals.get(0)));
        for (int i = 0; i < fields.size(); i++) {
            boolean last = i == fields.size() - 1;
            pieces.add(fieldRegex(fields.get(i), literals.get(i), literals.get(i + 1), last));
        }
        if (fields.isEmpty()) {
            pieces.set(0, pieces.get(0) + "[ \\t]*$");
        }
        List<Pattern> prefixPatterns = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        for (String piece : pieces) {
            regex.append(piece);
            prefixPatterns.add(Pattern.compile(regex.toString()));
        }
        this.prefixes = List.copyOf(prefixPatterns);
        this.pattern = prefixPatterns.get(prefixPatterns.size() - 1);
    }

    /**
     * Compiles a squid.conf {@code logformat} definition (the part after the format name; a whole
     * {@code logformat NAME ...} line is accepted too).
     *
     * @throws IllegalArgumentException naming the position and the code when the definition cannot be read
     */
    public static SquidLogFormat compile(String definition) {
        if (definition == null || definition.isBlank()) {
            throw new IllegalArgumentException("empty logformat definition");
        }
        String def = LOGFORMAT_PREFIX.matcher(definition).replaceFirst("").strip();
        List<Field> fields = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < def.length()) {
            char c = def.charAt(i);
            if (c != '%') {
                literal.append(c);
                i++;
                continue;
            }
            int start = i++;
            if (i < def.length() && def.charAt(i) == '%') {
                literal.append('%');
                i++;
                continue;
            }
            SquidQuoting quoting = SquidQuoting.NONE;
            if (i < def.length() && SquidQuoting.ofModifier(def.charAt(i)) != null) {
                quoting = SquidQuoting.ofModifier(def.charAt(i++));
            }
            boolean left = i < def.length() && def.charAt(i) == '-';
            if (left) {
                i++;
            }
            boolean zero = i < def.length() && def.charAt(i) == '0';
            int widthStart = i;
            while (i < def.length() && Character.isDigit(def.charAt(i))) {
                i++;
            }
            int minWidth = i > widthStart ? parseWidth(def, widthStart, i, start) : 0;
            if (i < def.length() && def.charAt(i) == '.') {
                int maxStart = ++i;
                while (i < def.length() && Character.isDigit(def.charAt(i))) {
                    i++;
                }
                if (i == maxStart) {
                    throw new IllegalArgumentException("format code at position " + (start + 1)
                            + ": '.' must be followed by a maximum width");
                }
            }
            String argument = "";
            if (i < def.length() && def.charAt(i) == '{') {
                int close = def.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '{' in format code at position " + (start + 1));
                }
                argument = def.substring(i + 1, close);
                i = close + 1;
            }
            SquidCode code = codeAt(def, i);
            if (code == null) {
                String unknown = unknownCode(def, i);
                throw new IllegalArgumentException(unknown.isEmpty()
                        ? "format code missing after '%' at position " + (start + 1)
                        : "unknown format code '%" + unknown + "' at position " + (start + 1));
            }
            i += code.text().length();
            if (argument.isEmpty() && code.takesArgument() && i < def.length() && def.charAt(i) == '{') {
                int close = def.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '{' after format code %" + code.text()
                            + " at position " + (start + 1));
                }
                argument = def.substring(i + 1, close);
                i = close + 1;
            }
            if (!argument.isEmpty() && !code.takesArgument()) {
                throw new IllegalArgumentException("format code %" + code.text() + " at position " + (start + 1)
                        + " takes no {argument} (custom strftime formats are not supported)");
            }
            literals.add(literal.toString());
            literal.setLength(0);
            fields.add(new Field(code, argument, quoting, left, zero, minWidth));
        }
        literals.add(literal.toString());
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("logformat definition has no format code");
        }
        return new SquidLogFormat(def, fields, literals);
    }

    /** The definition as compiled (without a leading {@code logformat NAME}). */
    public String definition() {
        return definition;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Whether the definition contains the code (with any modifiers). */
    public boolean has(SquidCode code) {
        return codes.contains(code);
    }

    /** Matches one line (without its line terminator). Never throws. */
    public Match match(String line) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return new Match.Mismatch(describeMismatch(line));
        }
        SquidFields.Builder values = SquidFields.builder();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String logged = m.group(i + 1);
            if (logged != null && !logged.isEmpty() && !logged.equals("-")) {
                values.put(f, f.quoting().decode(logged));
            }
        }
        return new Match.Matched(values.build());
    }

    @Override
    public String toString() {
        return "SquidLogFormat[" + definition + "]";
    }

    private String describeMismatch(String line) {
        int matchedUpTo = 0;
        for (int k = 0; k < prefixes.size(); k++) {
            Matcher m = prefixes.get(k).matcher(line);
            if (!m.lookingAt()) {
                if (k == 0) {
                    return "line does not begin with the format's leading text";
                }
                Field f = fields.get(k - 1);
                return "field " + k + " (" + f.display() + ") or the text after it does not match at column "
                        + (matchedUpTo + 1);
            }
            matchedUpTo = m.end();
        }
        return "line does not match the format";
    }

    private static String fieldRegex(Field f, String before, String after, boolean last) {
        String value = valueRegex(f, before, after, last);
        String padded = f.minWidth() > 0 && !f.zeroPadded()
                ? (f.leftAligned() ? "(" + value + ") *" : " *(" + value + ")")
                : "(" + value + ")";
        String tail = literalRegex(after) + (last ? "[ \\t]*+$" : "");
        // Without literal text after it a field has no end marker: let the engine backtrack into it.
        return (after.isEmpty() && !last ? "(?:" : "(?>") + padded + tail + ")";
    }

    private static String valueRegex(Field f, String before, String after, boolean last) {
        boolean inQuotes = before.endsWith("\"") && after.startsWith("\"");
        if (f.quoting() == SquidQuoting.SHELL) {
            return "\"" + ESCAPED_STRING + "\"|-";
        }
        if (f.quoting() == SquidQuoting.QUOTES && inQuotes) {
            return ESCAPED_STRING;
        }
        boolean endsAtSpace = !after.isEmpty() && Character.isWhitespace(after.charAt(0));
        return switch (f.code().shape()) {
            case NUMBER -> "-?\\d++|-";
            case CLF_TIME -> CLF_TIME + "|-";
            case TEXT -> last ? ".*?"
                    : endsAtSpace || after.isEmpty() ? "[^ \\t]++" : "[^" + classChar(after.charAt(0)) + "]*+";
            case TOKEN -> last || endsAtSpace ? "[^ \\t]++" : "[^ \\t]+?";
            case ADDRESS -> last || endsAtSpace ? "[^ \\t]++" : "[^ \\t]+";
        };
    }

    /** A character for use inside a regex character class. */
    private static String classChar(char c) {
        return "\\^-[]&".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c);
    }

    private static String literalRegex(String literal) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < literal.length()) {
            int j = i;
            boolean space = Character.isWhitespace(literal.charAt(i));
            while (j < literal.length() && Character.isWhitespace(literal.charAt(j)) == space) {
                j++;
            }
            regex.append(space ? "[ \\t]++" : Pattern.quote(literal.substring(i, j)));
            i = j;
        }
        return regex.toString();
    }

    private static SquidCode codeAt(String def, int at) {
        for (SquidCode code : SquidCode.LONGEST_FIRST) {
            if (def.startsWith(code.text(), at)) {
                return code;
            }
        }
        return null;
    }

    private static String unknownCode(String def, int at) {
        int end = at;
        while (end < def.length() && end - at < 24 && "%\" \t,{}[]".indexOf(def.charAt(end)) < 0) {
            end++;
        }
        return def.substring(at, end);
    }

    private static int parseWidth(String def, int from, int to, int codeStart) {
        try {
            return Integer.parseInt(def, from, to, 10);
        } catch (NumberFormatException tooWide) {
            throw new IllegalArgumentException("width too large in format code at position " + (codeStart + 1),
                    tooWide);
        }
    }
}
