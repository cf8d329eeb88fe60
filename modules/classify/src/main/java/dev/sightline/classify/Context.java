package dev.sightline.classify;

/** Looks for context words near a candidate: cheap, bounded scans of a window of the text. */
final class Context {

    private Context() {
    }

    /**
     * Whether one of {@code words} (lower-case ASCII) occurs within {@code radius} characters before {@code start}
     * or after {@code end}. A word must start at a word boundary; words of three letters or fewer must also end at
     * one (so "dx" is not found in "index", while "diagnos" finds "diagnosed").
     */
    static boolean near(String text, int start, int end, int radius, String... words) {
        return before(text, start, radius, words) || within(text, end, Math.min(text.length(), end + radius), words);
    }

    static boolean before(String text, int start, int radius, String... words) {
        return within(text, Math.max(0, start - radius), start, words);
    }

    static boolean within(String text, int from, int to, String... words) {
        for (int i = from; i < to; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            if (c < 'a' || c > 'z' || (i > 0 && Character.isLetter(text.charAt(i - 1)))) {
                continue;
            }
            for (String w : words) {
                if (w.charAt(0) == c && i + w.length() <= text.length() && text.regionMatches(true, i, w, 0, w.length())) {
                    int after = i + w.length();
                    if (w.length() > 3 || after >= text.length() || !Character.isLetter(text.charAt(after))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static char charAt(String text, int i) {
        return i >= 0 && i < text.length() ? text.charAt(i) : ' ';
    }

    static String digitsOf(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String alnumUpperOf(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isAlnum(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }
}
