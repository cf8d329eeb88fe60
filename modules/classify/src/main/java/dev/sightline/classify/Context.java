package dev.sightline.classify;

import java.util.Arrays;

/** Looks for context words near a candidate: cheap, bounded scans of a window of the text. */
final class Context {

    private Context() {
    }

    /**
     * Context words: lower-case, starting with an ASCII letter, grouped by that letter once, so a scan compares a
     * position only with the words that start with its letter (phone context is read for many numbers of a log).
     */
    static final class Words {
        private final String[] list;
        private final String[][] byFirstLetter = new String[26][];

        private Words(String[] list) {
            this.list = list.clone();
            for (int letter = 0; letter < 26; letter++) {
                char first = (char) ('a' + letter);
                String[] bucket = Arrays.stream(list).filter(w -> w.charAt(0) == first).toArray(String[]::new);
                byFirstLetter[letter] = bucket.length == 0 ? null : bucket;
            }
        }

        /** The words, for rules that use them as anchors. */
        String[] list() {
            return list.clone();
        }
    }

    static Words words(String... words) {
        return new Words(words);
    }

    /**
     * Whether one of {@code words} occurs within {@code radius} characters before {@code start} or after {@code end}.
     * A word must start at a word boundary; words of three letters or fewer must also end at one (so "dx" is not found
     * in "index", while "diagnos" finds "diagnosed").
     */
    static boolean near(String text, int start, int end, int radius, Words words) {
        return before(text, start, radius, words) || within(text, end, Math.min(text.length(), end + radius), words);
    }

    static boolean before(String text, int start, int radius, Words words) {
        return within(text, Math.max(0, start - radius), start, words);
    }

    static boolean within(String text, int from, int to, Words words) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            // ASCII fast path: (c | 0x20) folds A-Z onto a-z and maps no other ASCII character into a-z
            int letter = c < 128 ? (c | 0x20) - 'a' : Character.toLowerCase(c) - 'a';
            String[] candidates = letter < 0 || letter > 25 ? null : words.byFirstLetter[letter];
            if (candidates == null || i > 0 && isLetter(text.charAt(i - 1))) {
                continue;
            }
            for (String w : candidates) {
                if (i + w.length() <= text.length() && text.regionMatches(true, i, w, 0, w.length())) {
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

    /** An ASCII hex digit's value, or -1 (Character.digit would also take other scripts' digits). */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
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
