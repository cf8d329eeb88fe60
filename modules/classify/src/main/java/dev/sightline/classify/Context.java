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
        int firstLetters = 0;
        for (String w : words) {
            firstLetters |= 1 << (w.charAt(0) - 'a');
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // ASCII fast path: (c | 0x20) folds A-Z onto a-z and maps no other ASCII character into a-z
            int letter = c < 128 ? (c | 0x20) - 'a' : Character.toLowerCase(c) - 'a';
            if (letter < 0 || letter > 25 || (firstLetters & (1 << letter)) == 0 || i > 0 && isLetter(text.charAt(i - 1))) {
                continue;
            }
            for (String w : words) {
                if (w.charAt(0) == 'a' + letter && i + w.length() <= text.length() && text.regionMatches(true, i, w, 0, w.length())) {
                    int after = i + w.length();
                    if (w.length() > 3 || after >= text.length() || !Character.isLetter(text.charAt(after))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
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
