package dev.sightline.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds program text by the structure of its lines: fenced blocks, and runs of lines that start with a keyword of a
 * programming language or carry the punctuation of code. One span per contiguous region, not per line.
 */
final class CodeRegions {

    /** A region of code, in char offsets, end exclusive. */
    record Region(int start, int end) {
    }

    private enum Kind { BLANK, STRONG, WEAK, PROSE }

    private static final Set<String> KEYWORDS = Set.of("import", "package", "from", "def", "class", "public", "private",
            "protected", "static", "final", "function", "const", "let", "var", "return", "#include", "#define", "#import",
            "func", "fn", "pub", "use", "using", "namespace", "try", "catch", "except", "finally", "elif", "else", "for",
            "while", "if", "switch", "case", "struct", "impl", "interface", "enum", "void", "int", "long", "double",
            "float", "bool", "boolean", "char", "string", "String", "async", "await", "yield", "throw", "raise", "module",
            "require", "export", "echo", "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "select",
            "insert", "update", "delete", "create", "lambda", "val", "override", "assert", "print", "println", "console",
            "System", "self", "this", "end", "do", "begin", "local", "new", "type", "object", "trait", "mod", "go",
            "defer", "extern", "typedef", "template", "auto", "unsigned", "@Override", "@Test", "#!/bin/bash", "#!/bin/sh",
            "#!/usr/bin/env", "set", "fi", "then", "done", "WHERE", "FROM", "JOIN", "VALUES", "GROUP", "ORDER");

    /** Lines that are code on their own even without punctuation: {@code import os}, {@code package x}. */
    private static final Set<String> DECLARATIONS = Set.of("import", "package", "#include", "#import", "using", "require",
            "use", "from", "#define", "#!/bin/bash", "#!/bin/sh", "#!/usr/bin/env");
    /** {@code name = value} with spaces around the operator, as code is written (not a .env or prose line). */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "[A-Za-z_$][A-Za-z0-9_.$\\[\\]'\"]{0,60} [-+*/|&]?= (?![=\\s])");

    private static final int PUNCT = 1;
    private static final int SPACE = 2;
    private static final int WORD_END = 4;
    /**
     * Per ASCII character: {@link #PUNCT} for the punctuation of code, {@link #SPACE} for a space, {@link #WORD_END}
     * for what ends a line's first word (white space and {@code ({:;<}).
     */
    private static final byte[] LINE_CHAR = new byte[128];
    /**
     * Per ASCII character, what it adds to a line's counts: punctuation of code from bit 0, spaces from bit
     * {@link #SPACES}, equals signs from bit {@link #EQUALS}; a field holds the counts of {@link #COUNT_CHUNK} characters.
     */
    private static final long[] LINE_COUNTS = new long[128];
    private static final int SPACES = 21;
    private static final int EQUALS = 42;
    private static final long COUNT_MASK = (1L << SPACES) - 1;
    private static final int COUNT_CHUNK = 1 << 20;
    private static final int LONGEST_KEYWORD = KEYWORDS.stream().mapToInt(String::length).max().orElseThrow();

    static {
        for (char c : "=(){}[];<>".toCharArray()) {
            LINE_CHAR[c] = PUNCT;
        }
        LINE_CHAR[' '] = SPACE;
        for (char c = 0; c < 128; c++) {
            LINE_COUNTS[c] = (LINE_CHAR[c] & PUNCT) + ((long) (LINE_CHAR[c] & SPACE) >> 1 << SPACES) + (c == '=' ? 1L << EQUALS : 0);
        }
        for (char c = 0; c < 128; c++) {
            if (Character.isWhitespace(c) || "({:;<".indexOf(c) >= 0) {
                LINE_CHAR[c] |= WORD_END;
            }
        }
    }

    private CodeRegions() {
    }

    /** Code regions of {@code text} up to {@code limit}; {@code chars} holds the same characters (the scanner's copy). */
    static List<Region> find(String text, char[] chars, int limit) {
        List<Region> regions = new ArrayList<>();
        int regionStart = -1;
        int regionEnd = -1;
        int strong = 0;
        int lines = 0;
        int pendingWeakStart = -1;
        int blanks = 0;
        int pos = 0;
        while (pos < limit) {
            int nl = text.indexOf('\n', pos);
            int lineEnd = nl < 0 || nl > limit ? limit : nl;
            int s = pos;
            while (s < lineEnd && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            int e = lineEnd;
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (text.startsWith("```", s) || text.startsWith("~~~", s)) {
                flush(regions, regionStart, regionEnd, strong, lines);
                regionStart = -1;
                pendingWeakStart = -1;
                pos = fencedBlock(text, lineEnd, limit, text.substring(s, s + 3), regions);
                continue;
            }
            Kind kind = classify(text, chars, s, e, pos < s);
            switch (kind) {
                case STRONG -> {
                    if (regionStart < 0) {
                        regionStart = pendingWeakStart >= 0 ? pendingWeakStart : s;
                        strong = 0;
                        lines = 0;
                    }
                    strong++;
                    lines++;
                    regionEnd = e;
                    blanks = 0;
                }
                case WEAK -> {
                    if (regionStart >= 0) {
                        lines++;
                        regionEnd = e;
                    } else if (pendingWeakStart < 0) {
                        pendingWeakStart = s;
                    }
                    blanks = 0;
                }
                case BLANK -> {
                    if (++blanks > 1) {
                        flush(regions, regionStart, regionEnd, strong, lines);
                        regionStart = -1;
                        pendingWeakStart = -1;
                    }
                }
                case PROSE -> {
                    flush(regions, regionStart, regionEnd, strong, lines);
                    regionStart = -1;
                    pendingWeakStart = -1;
                }
            }
            pos = lineEnd + 1;
        }
        flush(regions, regionStart, regionEnd, strong, lines);
        return regions;
    }

    /** Everything between an opening and a closing fence is code, whatever it looks like. */
    private static int fencedBlock(String text, int openLineEnd, int limit, String fence, List<Region> regions) {
        int contentStart = Math.min(openLineEnd + 1, limit);
        int close = text.indexOf("\n" + fence, openLineEnd);
        int contentEnd = close < 0 || close >= limit ? limit : close;
        int s = contentStart;
        while (s < contentEnd && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        int e = contentEnd;
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            regions.add(new Region(s, e));
        }
        if (close < 0 || close >= limit) {
            return limit;
        }
        int afterFence = text.indexOf('\n', close + 1);
        return afterFence < 0 ? limit : afterFence + 1;
    }

    private static void flush(List<Region> regions, int start, int end, int strong, int lines) {
        if (start >= 0 && (strong >= 2 || strong == 1 && lines >= 2)) {
            regions.add(new Region(start, end));
        }
    }

    private static Kind classify(String text, char[] chars, int s, int e, boolean indented) {
        if (s >= e) {
            return Kind.BLANK;
        }
        int punct = 0;
        int words = 1;
        boolean equals = false;
        for (int from = s; from < e; from += COUNT_CHUNK) {
            // one branch-free add per character (non-ASCII adds nothing): the counts are fields of one long
            long counts = 0;
            for (int i = from, to = Math.min(e, from + COUNT_CHUNK); i < to; i++) {
                char c = chars[i];
                counts += LINE_COUNTS[c & 0x7F] & (long) ((c - 128) >> 31);
            }
            punct += (int) (counts & COUNT_MASK);
            words += (int) (counts >>> SPACES & COUNT_MASK);
            equals |= counts >>> EQUALS != 0;
        }
        int length = e - s;
        char last = text.charAt(e - 1);
        char first = text.charAt(s);
        boolean sentenceEnd = last == '.' || last == '?' || last == '!';
        double density = (double) punct / length;
        if (words >= 6 && density < 0.05 && !startsWithComment(text, s)) {
            return Kind.PROSE;
        }
        boolean codeEnding = last == ';' || last == '{' || last == '}' || e - s >= 2 && text.startsWith("):", e - 2)
                || text.startsWith("=>", e - 2);
        String firstWord = firstWord(chars, s, e);
        boolean keyword = firstWord != null && KEYWORDS.contains(firstWord);
        boolean declaration = firstWord != null && DECLARATIONS.contains(firstWord) && words <= 6;
        if (!sentenceEnd && (codeEnding && punct >= 1 || keyword && (punct >= 1 || last == ':') || declaration
                || density >= 0.12 && punct >= 2 || equals && assignment(text, chars, s, e))) {
            return Kind.STRONG;
        }
        boolean closing = length <= 3 && "})]".indexOf(first) >= 0;
        if (closing || startsWithComment(text, s) || first == '@' || indented && punct >= 1 || keyword && !sentenceEnd
                || last == ',' && punct >= 1) {
            return Kind.WEAK;
        }
        return Kind.PROSE;
    }

    /** {@link #ASSIGNMENT} at the line start; it needs "= ", so lines without one (key=value logs) skip the regex. */
    private static boolean assignment(String text, char[] chars, int s, int e) {
        for (int i = s; i < e - 1; i++) {
            if (chars[i] == '=' && chars[i + 1] == ' ') {
                return ASSIGNMENT.matcher(text).region(s, e).lookingAt();
            }
        }
        return false;
    }

    private static boolean startsWithComment(String text, int s) {
        return text.startsWith("//", s) || text.startsWith("/*", s) || text.startsWith("*", s) || text.startsWith("# ", s)
                || text.startsWith("--", s) || text.startsWith("<!--", s);
    }

    /** The line's first word when it is short enough to be a keyword, else null (no String built for it). */
    private static String firstWord(char[] chars, int s, int e) {
        int i = s;
        while (i < e && i - s <= LONGEST_KEYWORD && !endsWord(chars[i])) {
            i++;
        }
        return i - s <= LONGEST_KEYWORD ? new String(chars, s, i - s) : null;
    }

    private static boolean endsWord(char c) {
        return c < 128 ? (LINE_CHAR[c] & WORD_END) != 0 : Character.isWhitespace(c);
    }
}
