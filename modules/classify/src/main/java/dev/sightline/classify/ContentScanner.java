package dev.sightline.classify;

import dev.sightline.classify.Rule.CharTrigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The sensitive-content scanner. Thread-safe; build one per configuration and share it.
 *
 * <p>One pass over the text runs an Aho-Corasick automaton over the rules' anchor words (key prefixes, key words,
 * context words) and spots character shapes (numbers, @ signs, letter-letter-digit words). Each hit opens a window
 * of the rule's reach, unless a cheap check on the trigger rules a match out; overlapping windows are merged, and
 * only there does the rule's regex run, followed by its validator. Inside a window the regex is tried only where a
 * match can start: at the anchor for key prefixes, where the rule's start filter allows, else by one {@code find()}.
 * Matchers and buffers are reused per thread. Code regions come from a line pass. Overlapping value findings are
 * resolved by type precedence.
 */
public final class ContentScanner {

    private final ScannerConfig config;
    private final List<Rule> rules;
    private final AnchorAutomaton automaton;
    /** Per ASCII character: automaton symbol and event class (see {@link #charCodes}). */
    private final int[] charCodes;
    /** No anchor holds a digit (organisation markers might), so a digit takes the automaton back to its root. */
    private final boolean digitsResetAutomaton;
    /** For each anchor id: the rules it triggers; ids past the rules' anchors are organisation markers. */
    private final int[][] rulesOfAnchor;
    private final int markerAnchorsFrom;
    private final int[] numberRules;
    private final int[] minDigits;
    /** For each number rule: how far after the number a match can end (an IPv6 address goes on after its first group). */
    private final int[] numberReach;
    private final Rule.TriggerCheck[] numberChecks;
    private final int[] atSignRules;
    private final int[] letterPairRules;
    private final KeyedHasher hasher;
    /** Matchers, windows and buffers of the calling thread: a scan allocates little beyond its findings. */
    private final ThreadLocal<ScanState> states;

    public ContentScanner(ScannerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.rules = Stream.concat(SecretRules.all().stream(), PersonalRules.all().stream()).toList();
        List<String> anchors = new ArrayList<>();
        List<List<Integer>> owners = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (String anchor : rules.get(r).anchors()) {
                int id = anchors.indexOf(anchor);
                if (id < 0) {
                    anchors.add(anchor);
                    owners.add(new ArrayList<>());
                    id = anchors.size() - 1;
                }
                owners.get(id).add(r);
            }
        }
        markerAnchorsFrom = anchors.size();
        anchors.addAll(config.codeNamespaces());
        anchors.addAll(config.codeNotices());
        automaton = new AnchorAutomaton(anchors);
        charCodes = charCodes(automaton);
        digitsResetAutomaton = IntStream.rangeClosed('0', '9').allMatch(c -> automaton.symbol((char) c) == 0);
        rulesOfAnchor = new int[markerAnchorsFrom][];
        for (int id = 0; id < markerAnchorsFrom; id++) {
            rulesOfAnchor[id] = owners.get(id).stream().mapToInt(Integer::intValue).toArray();
        }
        numberRules = rulesWith(CharTrigger.NUMBER);
        minDigits = Arrays.stream(numberRules).map(r -> rules.get(r).minDigits()).toArray();
        numberReach = Arrays.stream(numberRules).map(r -> rules.get(r).after()).toArray();
        numberChecks = Arrays.stream(numberRules).mapToObj(r -> rules.get(r).triggerCheck()).toArray(Rule.TriggerCheck[]::new);
        atSignRules = rulesWith(CharTrigger.AT_SIGN);
        letterPairRules = rulesWith(CharTrigger.LETTER_PAIR_DIGIT);
        hasher = new KeyedHasher(config.hmacKey());
        states = ThreadLocal.withInitial(() -> new ScanState(rules));
    }

    public ScannerConfig config() {
        return config;
    }

    /** Scans one document. Never throws for any input text; {@code null} is a programming error. */
    public ScanResult scan(String text) {
        Objects.requireNonNull(text, "text");
        int limit = scanLimit(text);
        ScanState state = states.get();
        state.start(text, limit);
        try {
            boolean surrogates = prefilter(text, limit, state);
            for (int r = 0; r < rules.size(); r++) {
                if (state.windows.count(r) > 0) {
                    matchWindows(r, text, limit, state);
                }
            }
            return finish(text, state.chars, limit, state.candidates, state.markers, !surrogates);
        } finally {
            state.finish();
        }
    }

    /** The naive baseline for the benchmark: every rule's regex over the whole text, the same validators. */
    ScanResult scanWithoutPrefilter(String text) {
        int limit = scanLimit(text);
        List<Candidate> candidates = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false).region(0, limit);
            while (m.find()) {
                addCandidate(rule, text, m, candidates);
            }
        }
        ScanState state = new ScanState(rules);
        state.start(text, limit);
        boolean surrogates = prefilter(text, limit, state);
        return finish(text, state.chars, limit, candidates, state.markers, !surrogates);
    }

    private int[] rulesWith(CharTrigger trigger) {
        return IntStream.range(0, rules.size())
                .filter(r -> rules.get(r).charTriggers().contains(trigger)).toArray();
    }

    /** Char index up to which the text fits in maxBytes of UTF-8, never splitting a surrogate pair. */
    private int scanLimit(String text) {
        int max = config.maxBytes();
        if ((long) text.length() * 3 <= max) {
            return text.length();
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
            if (bytes + size > max) {
                return i;
            }
            bytes += size;
        }
        return text.length();
    }

    /**
     * The single pass: automaton step plus character-shape triggers; records windows per rule and organisation
     * markers. Returns whether the scanned text holds surrogate pairs (then offsets need converting).
     *
     * <p>Prose is letters, spaces and punctuation, none of which needs anything but the automaton step; one table read
     * gives a character's symbol and whether it is an event (digit, {@code @}, non-ASCII), so the common path is the step
     * plus one well-predicted branch. A letter-letter-digit word is recognised at its digit, looking back; a number is
     * measured at its first digit and then jumped over. (Moving the event handling into a method of its own made this
     * loop 20% slower: keep it here.)
     */
    private boolean prefilter(String text, int limit, ScanState state) {
        char[] chars = state.chars;
        Windows windows = state.windows;
        int[] next = automaton.transitions();
        int firstHitState = automaton.firstHitState();
        int[] codes = charCodes;
        int automatonState = AnchorAutomaton.ROOT;
        int numberEnd = -1;
        boolean surrogates = false;
        for (int i = 0; i < limit; i++) {
            char c = chars[i];
            int code = c < 128 ? codes[c] : NON_ASCII << EVENT_SHIFT;
            automatonState = next[automatonState + (code & SYMBOL_MASK)];
            // prose: no anchor ends here and no event, one test for both
            if (((firstHitState - 1 - automatonState) | (SYMBOL_MASK - code)) >= 0) {
                continue;
            }
            if (automatonState >= firstHitState) {
                anchorHits(text, chars, i, automaton.hits(automatonState), state);
            }
            switch (code >>> EVENT_SHIFT) {
                case DIGIT -> {
                    char before = i == 0 ? ' ' : chars[i - 1];
                    boolean numberStart = i >= numberEnd && !Context.isAlnum(before);
                    if (numberStart) {
                        numberEnd = numberTrigger(text, chars, i, limit, windows);
                    }
                    // a letter-letter-digit word has a letter or a space just before its first digit
                    if (before >= 'A' || before == ' ') {
                        int letterPair = letterPairStart(chars, i);
                        if (letterPair >= 0) {
                            letterPairTrigger(text, letterPair, windows);
                        }
                    }
                    if (numberStart && digitsResetAutomaton) {
                        // the rest of the number (digits and separators) ends no anchor and starts no letter-letter-digit
                        // word, and its last digit leaves the automaton at its root: skip to it
                        i = numberEnd - 1;
                        automatonState = AnchorAutomaton.ROOT;
                    }
                }
                case AT_SIGN -> {
                    for (int r : atSignRules) {
                        windows.add(r, i - rules.get(r).before(), i + rules.get(r).after());
                    }
                }
                case NON_ASCII -> surrogates |= Character.isSurrogate(c);
                default -> {
                    // an anchor hit only
                }
            }
        }
        return surrogates;
    }

    private static final int NONE = 0;
    private static final int DIGIT = 1;
    private static final int AT_SIGN = 2;
    private static final int NON_ASCII = 3;
    /** A character's code: its automaton symbol in the low bits, its event class from this bit on. */
    private static final int EVENT_SHIFT = 16;
    private static final int SYMBOL_MASK = (1 << EVENT_SHIFT) - 1;

    /** The code of each ASCII character; most have no event, so the loop handles them with one table read. */
    private static int[] charCodes(AnchorAutomaton automaton) {
        int[] codes = new int[128];
        for (char c = 0; c < 128; c++) {
            int event = c >= '0' && c <= '9' ? DIGIT : c == '@' ? AT_SIGN : NONE;
            codes[c] = automaton.symbol(c) | event << EVENT_SHIFT;
        }
        return codes;
    }

    /**
     * Where a word of two letters and a digit ({@code AB12}, {@code AB 12}) whose digit is at {@code i} starts, or -1:
     * the two letters start a word (no letter or digit before them).
     */
    private static int letterPairStart(char[] chars, int i) {
        int j = i >= 1 && chars[i - 1] == ' ' ? i - 3 : i - 2;
        if (j < 0 || !isAsciiLetter(chars[j]) || !isAsciiLetter(chars[j + 1]) || j > 0 && Context.isAlnum(chars[j - 1])) {
            return -1;
        }
        return j;
    }

    private void anchorHits(String text, char[] chars, int i, int[] hits, ScanState state) {
        for (int id : hits) {
            int anchorStart = i + 1 - automaton.length(id);
            if (id >= markerAnchorsFrom) {
                state.markers.add(new int[] {anchorStart, i + 1});
                continue;
            }
            boolean wordStart = anchorStart == 0 || !isAsciiLetter(chars[anchorStart - 1]);
            for (int r : rulesOfAnchor[id]) {
                Rule rule = rules.get(r);
                if ((wordStart || !rule.wordStart()) && rule.triggerCheck().worthALook(text, anchorStart, i + 1, 0)) {
                    switch (rule.start()) {
                        case AT_ANCHOR -> state.windows.add(r, anchorStart, anchorStart + 1, i + 1 + rule.after());
                        case BEFORE_ANCHOR -> state.windows.add(r, anchorStart - rule.before(), anchorStart + 1, i + 1 + rule.after());
                        case IN_WINDOW -> state.windows.add(r, anchorStart - rule.before(), i + 1 + rule.after());
                    }
                }
            }
        }
    }

    private void letterPairTrigger(String text, int i, Windows windows) {
        for (int r : letterPairRules) {
            Rule rule = rules.get(r);
            if (rule.triggerCheck().worthALook(text, i, i + 2, 0)) {
                windows.add(r, i, i + rule.after());
            }
        }
    }

    /** Counts the digits of the number starting at {@code start} and opens windows for rules it could satisfy. */
    private int numberTrigger(String text, char[] chars, int start, int limit, Windows windows) {
        int digits = 0;
        int gap = 0;
        int i = start;
        int end = start;
        while (i < limit && i - start < MAX_NUMBER) {
            char c = chars[i];
            if (isDigit(c)) {
                digits++;
                gap = 0;
                end = i + 1;
            } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/') && ++gap <= 3) {
                // separator inside a number
            } else {
                break;
            }
            i++;
        }
        boolean cut = i - start >= MAX_NUMBER;
        for (int k = 0; k < numberRules.length; k++) {
            if (digits >= minDigits[k] && (cut || numberChecks[k].worthALook(text, start, end, digits))) {
                // a match starts at most at a "+(" before the digits and ends with the number or within the rule's reach
                windows.add(numberRules[k], start - 4, end + 1 + numberReach[k]);
            }
        }
        return end;
    }

    /** Longest number the trigger measures; a longer run opens its windows without the rules' trigger checks. */
    private static final int MAX_NUMBER = 64;

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * Runs rule {@code r} in its windows. A window gives the positions where a match may start and how far it may
     * reach; with a start filter (or a start fixed by the anchor) the regex is tried only at the allowed starts,
     * otherwise one {@code find()} walks the window. Like {@code find()}, a match hides starts inside it.
     */
    private void matchWindows(int r, String text, int limit, ScanState state) {
        Rule rule = rules.get(r);
        Matcher m = state.matcher(r);
        Rule.StartFilter filter = rule.startFilter();
        // the first-character table is read here, inlined, so most positions of a window cost one table read
        Rule.FirstChars firstChars = filter instanceof Rule.FirstChars f ? f : null;
        Rule.KnownRejection rejection = rule.knownRejection();
        char[] chars = state.chars;
        boolean everyPosition = filter == null && rule.start() == Rule.Start.IN_WINDOW;
        int[] w = state.windows.spans(r);
        int lastEnd = 0;
        for (int k = 0, n = state.windows.count(r); k < n; k += 3) {
            int from = Math.max(Math.max(0, w[k]), lastEnd);
            int to = Math.min(w[k + 2], limit);
            int startsTo = Math.min(w[k + 1], to);
            if (everyPosition) {
                if (from < to) {
                    m.region(from, to);
                    while (m.find()) {
                        addCandidate(rule, text, m, state.candidates);
                        lastEnd = m.end();
                    }
                }
                continue;
            }
            for (int i = from; i < startsTo; i++) {
                if (firstChars != null ? !firstChars.mayStartWith(chars[i]) || !firstChars.rest().canStart(text, i)
                        : filter != null && !filter.canStart(text, i)) {
                    continue;
                }
                int rejectedEnd = rejection == null ? -1 : rejection.matchEnd(text, i, to);
                if (rejectedEnd >= 0) {
                    lastEnd = rejectedEnd;
                    i = Math.max(i, rejectedEnd - 1);
                    continue;
                }
                m.region(i, to);
                if (m.lookingAt()) {
                    addCandidate(rule, text, m, state.candidates);
                    lastEnd = m.end();
                    i = Math.max(i, m.end() - 1);
                }
            }
        }
    }

    private static void addCandidate(Rule rule, String text, Matcher m, List<Candidate> out) {
        int group = valueGroup(rule, m);
        int s = m.start(group);
        int e = m.end(group);
        if (e <= s) {
            return;
        }
        double confidence = rule.validator().confidence(text, m, s, e);
        if (confidence > 0) {
            out.add(new Candidate(rule.type(), s, e, confidence));
        }
    }

    /** A negative value group means "the first group from -valueGroup on that took part in the match". */
    private static int valueGroup(Rule rule, Matcher m) {
        if (rule.valueGroup() >= 0) {
            return rule.valueGroup();
        }
        for (int g = -rule.valueGroup(); g <= m.groupCount(); g++) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        return 0;
    }

    private ScanResult finish(String text, char[] chars, int limit, List<Candidate> candidates, List<int[]> markers,
                              boolean bmpOnly) {
        List<Candidate> kept = resolveOverlaps(candidates);
        for (CodeRegions.Region region : CodeRegions.find(text, chars, limit)) {
            kept.add(new Candidate(FindingType.SOURCE_CODE, region.start(), region.end(), 0.8));
            proprietarySpan(text, region, markers).ifPresent(kept::add);
        }
        kept.sort(IN_TEXT_ORDER);
        CodePoints offsets = new CodePoints(text, bmpOnly);
        List<Finding> findings = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            String raw = text.substring(c.start(), c.end());
            findings.add(new Finding(c.type(), offsets.of(c.start()), offsets.of(c.end()), c.confidence(),
                    Masking.preview(c.type(), raw), hasher.hash(Masking.canonical(c.type(), raw))));
        }
        return new ScanResult(findings, limit < text.length(), offsets.of(limit));
    }

    /** A code region is proprietary when an organisation marker lies in it or on the two lines just above it. */
    private static Optional<Candidate> proprietarySpan(String text, CodeRegions.Region region, List<int[]> markers) {
        int start = region.start();
        boolean found = false;
        for (int[] marker : markers) {
            boolean inside = marker[0] >= region.start() && marker[1] <= region.end();
            boolean justAbove = marker[1] <= region.start() && region.start() - marker[1] < 400
                    && text.substring(marker[1], region.start()).chars().filter(c -> c == '\n').count() <= 2;
            if (inside || justAbove) {
                found = true;
                start = Math.min(start, text.lastIndexOf('\n', marker[0]) + 1);
            }
        }
        return found ? Optional.of(new Candidate(FindingType.PROPRIETARY_CODE, start, region.end(), 0.9)) : Optional.empty();
    }

    /** Keeps, among overlapping value findings, the one whose type comes first in {@link FindingType}. */
    private static List<Candidate> resolveOverlaps(List<Candidate> candidates) {
        candidates.sort(BY_PRECEDENCE);
        List<Candidate> kept = new ArrayList<>();
        if (candidates.isEmpty()) {
            return kept;
        }
        for (Candidate c : candidates) {
            boolean overlaps = false;
            for (Candidate k : kept) {
                if (c.start() < k.end() && k.start() < c.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static final Comparator<Candidate> IN_TEXT_ORDER = Comparator.comparingInt(Candidate::start)
            .thenComparingInt(Candidate::end).thenComparing(Candidate::type);
    /** Type precedence, then text order, the most confident first. */
    private static final Comparator<Candidate> BY_PRECEDENCE = Comparator.comparing(Candidate::type)
            .thenComparingInt(Candidate::start).thenComparing(Comparator.comparingDouble(Candidate::confidence).reversed());

    /** A finding before it is masked and hashed; char offsets. */
    private record Candidate(FindingType type, int start, int end, double confidence) {
    }

    /**
     * Windows per rule as triples (first start, end of starts, reach), merged as they arrive (triggers arrive in text
     * order, so merging is local). A window whose starts are not restricted ends its starts at its reach.
     */
    private static final class Windows {
        private final int[][] spans;
        private final int[] sizes;

        Windows(int rules) {
            spans = new int[rules][];
            sizes = new int[rules];
        }

        void clear() {
            Arrays.fill(sizes, 0);
        }

        void add(int rule, int from, int to) {
            add(rule, from, to, to);
        }

        void add(int rule, int from, int startsTo, int to) {
            int[] s = spans[rule];
            int n = sizes[rule];
            if (n > 0 && from <= s[n - 2]) {
                s[n - 3] = Math.min(s[n - 3], from);
                s[n - 2] = Math.max(s[n - 2], startsTo);
                s[n - 1] = Math.max(s[n - 1], to);
                return;
            }
            if (s == null) {
                s = spans[rule] = new int[12];
            } else if (n == s.length) {
                s = spans[rule] = Arrays.copyOf(s, n * 2);
            }
            s[n] = from;
            s[n + 1] = startsTo;
            s[n + 2] = to;
            sizes[rule] = n + 3;
        }

        int count(int rule) {
            return sizes[rule];
        }

        /** The backing array: read {@link #count} entries. */
        int[] spans(int rule) {
            return spans[rule];
        }
    }

    /** What one thread reuses from scan to scan. */
    private static final class ScanState {
        private final List<Rule> rules;
        private final Matcher[] matchers;
        private final boolean[] matcherInUse;
        final Windows windows;
        final List<Candidate> candidates = new ArrayList<>();
        final List<int[]> markers = new ArrayList<>();
        char[] chars = new char[0];
        private String text;

        ScanState(List<Rule> rules) {
            this.rules = rules;
            this.matchers = new Matcher[rules.size()];
            this.matcherInUse = new boolean[rules.size()];
            this.windows = new Windows(rules.size());
        }

        void start(String newText, int limit) {
            text = newText;
            if (chars.length < limit) {
                chars = new char[Math.max(limit, 2 * chars.length)];
            }
            newText.getChars(0, limit, chars, 0);
            windows.clear();
            candidates.clear();
            markers.clear();
        }

        Matcher matcher(int rule) {
            Matcher m = matchers[rule];
            if (m == null) {
                m = matchers[rule] = rules.get(rule).pattern().matcher(text);
                m.useTransparentBounds(true).useAnchoringBounds(false);
            } else if (!matcherInUse[rule]) {
                m.reset(text);
            }
            matcherInUse[rule] = true;
            return m;
        }

        /** Lets go of the document: no reference to its text outlives the scan. */
        void finish() {
            for (int r = 0; r < matchers.length; r++) {
                if (matcherInUse[r]) {
                    matchers[r].reset("");
                    matcherInUse[r] = false;
                }
            }
            text = null;
            if (chars.length > MAX_KEPT_BUFFER) {
                chars = new char[0];
            }
        }
    }

    /** Buffers larger than this are not kept between scans. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    /** Converts char offsets to code-point offsets; the identity when the text has no surrogate pairs. */
    private static final class CodePoints {
        private final String text;
        private final boolean identity;
        private int lastChar;
        private int lastCodePoint;

        CodePoints(String text, boolean bmpOnly) {
            this.text = text;
            this.identity = bmpOnly;
        }

        /** Offsets are asked for in mostly ascending order; count forward from the last answer when possible. */
        int of(int charIndex) {
            if (identity) {
                return charIndex;
            }
            if (charIndex < lastChar) {
                lastChar = 0;
                lastCodePoint = 0;
            }
            lastCodePoint += text.codePointCount(lastChar, charIndex);
            lastChar = charIndex;
            return lastCodePoint;
        }
    }
}
