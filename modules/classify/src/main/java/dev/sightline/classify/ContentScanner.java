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
 * of the rule's reach; overlapping windows are merged, and only there does the rule's regex run, followed by its
 * validator. Code regions come from a line pass. Overlapping value findings are resolved by type precedence.
 */
public final class ContentScanner {

    private final ScannerConfig config;
    private final List<Rule> rules;
    private final AnchorAutomaton automaton;
    /** For each anchor id: the rules it triggers; ids past the rules' anchors are organisation markers. */
    private final int[][] rulesOfAnchor;
    private final int markerAnchorsFrom;
    private final int[] numberRules;
    private final int[] minDigits;
    private final int[] atSignRules;
    private final int[] letterPairRules;
    private final KeyedHasher hasher;

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
        rulesOfAnchor = new int[markerAnchorsFrom][];
        for (int id = 0; id < markerAnchorsFrom; id++) {
            rulesOfAnchor[id] = owners.get(id).stream().mapToInt(Integer::intValue).toArray();
        }
        numberRules = rulesWith(CharTrigger.NUMBER);
        minDigits = Arrays.stream(numberRules).map(r -> rules.get(r).minDigits()).toArray();
        atSignRules = rulesWith(CharTrigger.AT_SIGN);
        letterPairRules = rulesWith(CharTrigger.LETTER_PAIR_DIGIT);
        hasher = new KeyedHasher(config.hmacKey());
    }

    public ScannerConfig config() {
        return config;
    }

    /** Scans one document. Never throws for any input text; {@code null} is a programming error. */
    public ScanResult scan(String text) {
        Objects.requireNonNull(text, "text");
        int limit = scanLimit(text);
        Windows windows = new Windows(rules.size());
        List<int[]> markers = new ArrayList<>();
        prefilter(text, limit, windows, markers);
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            int[] spans = windows.spans(r);
            for (int i = 0; i < spans.length; i += 2) {
                matchIn(rules.get(r), text, spans[i], Math.min(spans[i + 1], limit), candidates);
            }
        }
        return finish(text, limit, candidates, markers);
    }

    /** The naive baseline for the benchmark: every rule's regex over the whole text, the same validators. */
    ScanResult scanWithoutPrefilter(String text) {
        int limit = scanLimit(text);
        List<Candidate> candidates = new ArrayList<>();
        for (Rule rule : rules) {
            matchIn(rule, text, 0, limit, candidates);
        }
        List<int[]> markers = new ArrayList<>();
        prefilter(text, limit, new Windows(rules.size()), markers);
        return finish(text, limit, candidates, markers);
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

    /** The single pass: automaton step plus character-shape triggers; records windows per rule. */
    private void prefilter(String text, int limit, Windows windows, List<int[]> markers) {
        int state = AnchorAutomaton.ROOT;
        int numberEnd = -1;
        char prev = ' ';
        char[] chars = text.toCharArray(); // plain array reads: no per-character String coder and bounds checks
        for (int i = 0; i < limit; i++) {
            char c = chars[i];
            state = automaton.step(state, c);
            int[] hits = automaton.hits(state);
            if (hits != null) {
                for (int id : hits) {
                    int anchorStart = i + 1 - automaton.length(id);
                    if (id >= markerAnchorsFrom) {
                        markers.add(new int[] {anchorStart, i + 1});
                        continue;
                    }
                    boolean wordStart = anchorStart == 0 || !isAsciiLetter(text.charAt(anchorStart - 1));
                    for (int r : rulesOfAnchor[id]) {
                        Rule rule = rules.get(r);
                        if (wordStart || !rule.wordStart()) {
                            windows.add(r, anchorStart - rule.before(), i + 1 + rule.after());
                        }
                    }
                }
            }
            if (c >= '0' && c <= '9') {
                if (i >= numberEnd && !Context.isAlnum(prev)) {
                    numberEnd = numberTrigger(text, i, limit, windows);
                }
            } else if (c == '@') {
                for (int r : atSignRules) {
                    windows.add(r, i - rules.get(r).before(), i + rules.get(r).after());
                }
            } else if (isAsciiLetter(c) && !Context.isAlnum(prev) && i + 2 < limit && isAsciiLetter(chars[i + 1])) {
                char third = chars[i + 2];
                if (isDigit(third) || third == ' ' && i + 3 < limit && isDigit(chars[i + 3])) {
                    for (int r : letterPairRules) {
                        windows.add(r, i, i + rules.get(r).after());
                    }
                }
            }
            prev = c;
        }
    }

    /** Counts the digits of the number starting at {@code start} and opens windows for rules it could satisfy. */
    private int numberTrigger(String text, int start, int limit, Windows windows) {
        int digits = 0;
        int gap = 0;
        int i = start;
        int end = start;
        while (i < limit && i - start < 64) {
            char c = text.charAt(i);
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
        for (int k = 0; k < numberRules.length; k++) {
            if (digits >= minDigits[k]) {
                // a match starts at most at a "+(" before the digits and ends with the number
                windows.add(numberRules[k], start - 4, end + 1);
            }
        }
        return end;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void matchIn(Rule rule, String text, int from, int to, List<Candidate> out) {
        int start = Math.max(0, from);
        if (start >= to) {
            return;
        }
        Matcher m = rule.pattern().matcher(text);
        m.useTransparentBounds(true).useAnchoringBounds(false).region(start, to);
        while (m.find()) {
            int group = valueGroup(rule, m);
            int s = m.start(group);
            int e = m.end(group);
            if (e <= s) {
                continue;
            }
            double confidence = rule.validator().confidence(text, m, s, e);
            if (confidence > 0) {
                out.add(new Candidate(rule.type(), s, e, confidence));
            }
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

    private ScanResult finish(String text, int limit, List<Candidate> candidates, List<int[]> markers) {
        List<Candidate> kept = resolveOverlaps(candidates);
        for (CodeRegions.Region region : CodeRegions.find(text, limit)) {
            kept.add(new Candidate(FindingType.SOURCE_CODE, region.start(), region.end(), 0.8));
            proprietarySpan(text, region, markers).ifPresent(kept::add);
        }
        kept.sort(Comparator.comparingInt(Candidate::start).thenComparingInt(Candidate::end)
                .thenComparing(Candidate::type));
        CodePoints offsets = new CodePoints(text);
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
        candidates.sort(Comparator.comparing(Candidate::type).thenComparingInt(Candidate::start)
                .thenComparing(Comparator.comparingDouble(Candidate::confidence).reversed()));
        List<Candidate> kept = new ArrayList<>();
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

    /** A finding before it is masked and hashed; char offsets. */
    private record Candidate(FindingType type, int start, int end, double confidence) {
    }

    /** Windows per rule, merged as they arrive (triggers arrive in text order, so merging is local). */
    private static final class Windows {
        private final int[][] spans;
        private final int[] sizes;

        Windows(int rules) {
            spans = new int[rules][];
            sizes = new int[rules];
        }

        void add(int rule, int from, int to) {
            int[] s = spans[rule];
            int n = sizes[rule];
            if (n > 0 && from <= s[n - 1]) {
                s[n - 2] = Math.min(s[n - 2], from);
                s[n - 1] = Math.max(s[n - 1], to);
                return;
            }
            if (s == null) {
                s = spans[rule] = new int[8];
            } else if (n == s.length) {
                s = spans[rule] = Arrays.copyOf(s, n * 2);
            }
            s[n] = from;
            s[n + 1] = to;
            sizes[rule] = n + 2;
        }

        int[] spans(int rule) {
            return spans[rule] == null ? new int[0] : Arrays.copyOf(spans[rule], sizes[rule]);
        }
    }

    /** Converts char offsets to code-point offsets; the identity when the text has no surrogate pairs. */
    private static final class CodePoints {
        private final String text;
        private final boolean identity;
        private int lastChar;
        private int lastCodePoint;

        CodePoints(String text) {
            this.text = text;
            boolean surrogates = false;
            for (int i = 0; i < text.length() && !surrogates; i++) {
                surrogates = Character.isSurrogate(text.charAt(i));
            }
            this.identity = !surrogates;
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
