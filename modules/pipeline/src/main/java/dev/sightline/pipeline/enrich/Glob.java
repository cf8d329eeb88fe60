package dev.sightline.pipeline.enrich;

import java.util.regex.Pattern;

/**
 * The glob dialect of DataAsset.uriPatterns and fileNamePatterns, compiled once to a regular expression: {@code *}
 * any characters within a path segment, {@code **} any characters across segments, {@code ?} one character within a
 * segment; everything else literal. Matches the whole text, ignoring case.
 */
final class Glob {
    private Glob() {
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int literalFrom = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?') {
                continue;
            }
            appendLiteral(regex, glob, literalFrom, i);
            if (c == '?') {
                regex.append("[^/]");
            } else if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^/]*");
            }
            literalFrom = i + 1;
        }
        appendLiteral(regex, glob, literalFrom, glob.length());
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static void appendLiteral(StringBuilder regex, String glob, int from, int to) {
        if (to > from) {
            regex.append(Pattern.quote(glob.substring(from, to)));
        }
    }
}
