package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.IDN;
import java.util.Locale;

/**
 * One host rule of a tool, written as text in the catalog:
 * <ul>
 *   <li>{@code chatgpt.com} — exact: that host only;</li>
 *   <li>{@code .oaiusercontent.com} — suffix: every sub-domain at any depth, not the domain itself (list the apex as
 *       an exact pattern when it belongs to the tool too);</li>
 *   <li>{@code *.openai.azure.com}, {@code bedrock-runtime.*.amazonaws.com}, {@code *-aiplatform.googleapis.com} —
 *       wildcard: each {@code *} stands for part or all of exactly one label; at least two literal labels follow the
 *       last wildcard label;</li>
 *   <li>any of these followed by a path prefix, {@code chatgpt.com/codex} — matches when the request path is the
 *       prefix or continues it after a {@code /}.</li>
 * </ul>
 * Hosts are lower-cased and converted to IDNA ASCII; path prefixes compare case-insensitively.
 */
public record HostPattern(Kind kind, String host, String pathPrefix) {
    public enum Kind { EXACT, SUFFIX, WILDCARD }

    public HostPattern {
        if (pathPrefix == null) {
            pathPrefix = "";
        }
    }

    @JsonCreator
    public static HostPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty host pattern");
        }
        String t = text.strip();
        int slash = t.indexOf('/');
        String hostPart = slash < 0 ? t : t.substring(0, slash);
        String path = slash < 0 ? "" : t.substring(slash);
        Kind kind = Kind.EXACT;
        if (hostPart.startsWith(".")) {
            kind = Kind.SUFFIX;
            hostPart = hostPart.substring(1);
        } else if (hostPart.indexOf('*') >= 0) {
            kind = Kind.WILDCARD;
        }
        String host = toAscii(hostPart, text);
        validateLabels(kind, host, text);
        return new HostPattern(kind, host, canonicalPath(path, text));
    }

    private static String toAscii(String hostPart, String text) {
        try {
            return IDN.toASCII(hostPart, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("host pattern '" + text + "' is not a valid internationalized name");
        }
    }

    private static void validateLabels(Kind kind, String host, String text) {
        String[] labels = host.split("\\.", -1);
        int literalTail = 0;
        for (int i = labels.length - 1; i >= 0; i--) {
            String label = labels[i];
            if (label.isEmpty() || label.length() > 63) {
                throw new IllegalArgumentException("host pattern '" + text + "' has an empty or over-long label");
            }
            int stars = 0;
            for (int c = 0; c < label.length(); c++) {
                char ch = label.charAt(c);
                if (ch == '*') {
                    stars++;
                } else if (!(ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_')) {
                    throw new IllegalArgumentException("host pattern '" + text + "' contains '" + ch + "'");
                }
            }
            if (stars > 1) {
                throw new IllegalArgumentException("host pattern '" + text + "' has more than one '*' in a label");
            }
            if (stars == 1 && literalTail < 2) {
                throw new IllegalArgumentException("host pattern '" + text + "' needs two literal labels after a wildcard");
            }
            if (stars == 0 && literalTail == labels.length - 1 - i) {
                literalTail++;
            }
        }
        if (kind != Kind.WILDCARD && labels.length < 2 && !host.equals("localhost")) {
            throw new IllegalArgumentException("host pattern '" + text + "' is a bare top-level domain");
        }
    }

    private static String canonicalPath(String path, String text) {
        if (path.isEmpty()) {
            return "";
        }
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            if (ch == '?' || ch == '#' || ch == '*' || ch <= ' ') {
                throw new IllegalArgumentException("path prefix of '" + text + "' contains '" + ch + "'");
            }
        }
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.equals("/") ? "" : p;
    }

    public boolean hasPath() {
        return !pathPrefix.isEmpty();
    }

    /** The literal labels after the last wildcard label: where the matcher indexes this pattern. */
    String indexKey() {
        if (kind != Kind.WILDCARD) {
            return host;
        }
        int star = host.lastIndexOf('*');
        return host.substring(host.indexOf('.', star) + 1);
    }

    /** Whether {@code path} (no query) is this pattern's path prefix or continues it after {@code /}, {@code ?} or {@code #}. */
    boolean pathMatches(String path) {
        int n = pathPrefix.length();
        if (n == 0) {
            return true;
        }
        if (!path.regionMatches(true, 0, pathPrefix, 0, n)) {
            return false;
        }
        char next = path.length() == n ? '/' : path.charAt(n);
        return next == '/' || next == '?' || next == '#';
    }

    /**
     * For a wildcard pattern: whether {@code host[0, end)} — the labels left of the index key, without the dot — match
     * the pattern's wildcard labels one for one.
     */
    boolean wildcardPrefixMatches(String candidate, int end) {
        int patternEnd = host.length() - indexKey().length() - 1;
        int hi = end;
        int pi = patternEnd;
        while (true) {
            int hStart = candidate.lastIndexOf('.', hi - 1) + 1;
            int pStart = host.lastIndexOf('.', pi - 1) + 1;
            if (!labelMatches(candidate, hStart, hi, pStart, pi)) {
                return false;
            }
            boolean hostDone = hStart == 0;
            boolean patternDone = pStart == 0;
            if (hostDone || patternDone) {
                return hostDone && patternDone;
            }
            hi = hStart - 1;
            pi = pStart - 1;
        }
    }

    private boolean labelMatches(String candidate, int hStart, int hEnd, int pStart, int pEnd) {
        int star = host.indexOf('*', pStart);
        if (star < 0 || star >= pEnd) {
            return pEnd - pStart == hEnd - hStart && candidate.regionMatches(hStart, host, pStart, pEnd - pStart);
        }
        int before = star - pStart;
        int after = pEnd - star - 1;
        return hEnd - hStart >= before + after + 1
                && candidate.regionMatches(hStart, host, pStart, before)
                && candidate.regionMatches(hEnd - after, host, star + 1, after);
    }

    @JsonValue
    @Override
    public String toString() {
        return (kind == Kind.SUFFIX ? "." : "") + host + pathPrefix;
    }
}
