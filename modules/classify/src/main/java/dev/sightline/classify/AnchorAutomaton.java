package dev.sightline.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;

/**
 * Aho-Corasick automaton over case-folded ASCII, as a dense transition table so the scan loop does one array read
 * per character.
 *
 * <p>Hand-written rather than taken from org.ahocorasick: that library keeps transitions in per-state maps of boxed
 * characters and allocates an emit object per hit, and it is a pass of its own; the scanner needs the automaton step
 * inlined in the same loop that also finds numbers, @ signs and letter-digit words.
 */
final class AnchorAutomaton {

    static final int ROOT = 0;

    /** Case-folded symbol of each ASCII character; 0 stands for every character not in any anchor. */
    private final int[] symbol = new int[128];
    private final int width;
    /** Transitions: {@code next[state + symbol]} is the next state, states being multiples of the width. */
    private final int[] next;
    private final int firstHitState;
    /** Anchor ids that end in each state (also through failure links); null when none. */
    private final int[][] hits;
    private final int[] lengths;

    AnchorAutomaton(List<String> anchors) {
        int symbols = 1;
        for (String a : anchors) {
            for (char c : a.toCharArray()) {
                if (c >= 128 || Character.isUpperCase(c)) {
                    throw new IllegalArgumentException("anchors are lower-case ASCII: " + a);
                }
                if (symbol[c] == 0) {
                    symbol[c] = symbols++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            symbol[c] = symbol[Character.toLowerCase(c)];
        }
        width = symbols;
        List<int[]> trie = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        trie.add(new int[width]);
        out.add(new ArrayList<>());
        lengths = new int[anchors.size()];
        for (int id = 0; id < anchors.size(); id++) {
            String a = anchors.get(id);
            lengths[id] = a.length();
            int state = ROOT;
            for (char c : a.toCharArray()) {
                int sym = symbol[c];
                if (trie.get(state)[sym] == 0) {
                    trie.get(state)[sym] = trie.size();
                    trie.add(new int[width]);
                    out.add(new ArrayList<>());
                }
                state = trie.get(state)[sym];
            }
            out.get(state).add(id);
        }
        int states = trie.size();
        int[] trie2 = new int[states * width];
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        List<Integer> breadthFirst = new ArrayList<>(List.of(ROOT));
        for (int sym = 1; sym < width; sym++) {
            int child = trie.get(ROOT)[sym];
            trie2[sym] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            breadthFirst.add(state);
            out.get(state).addAll(out.get(fail[state]));
            for (int sym = 0; sym < width; sym++) {
                int child = sym == 0 ? 0 : trie.get(state)[sym];
                if (child != 0) {
                    fail[child] = trie2[fail[state] * width + sym];
                    trie2[state * width + sym] = child;
                    queue.add(child);
                } else {
                    trie2[state * width + sym] = trie2[fail[state] * width + sym];
                }
            }
        }
        // Renumber: states without hits first, so "any hit here?" is one comparison, each group breadth-first, so the
        // shallow states where the scan spends its time share few cache lines; store targets pre-multiplied by the
        // width, so a step is one add and one array read.
        int[] order = new int[states];
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int st : breadthFirst) {
                if (out.get(st).isEmpty() == (pass == 0)) {
                    order[st] = n++;
                }
            }
        }
        firstHitState = (int) out.stream().filter(List::isEmpty).count() * width;
        next = new int[states * width];
        hits = new int[states][];
        for (int st = 0; st < states; st++) {
            for (int sym = 0; sym < width; sym++) {
                next[order[st] * width + sym] = order[trie2[st * width + sym]] * width;
            }
            hits[order[st]] = out.get(st).isEmpty() ? null : out.get(st).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
    }

    /** The case-folded symbol of an ASCII character (0 for every character in no anchor, as for non-ASCII ones). */
    int symbol(char c) {
        return symbol[c];
    }

    /**
     * The transition table, shared (the scan loop reads it directly): from state {@code s} (an offset, {@link #ROOT}
     * first) reading a character of symbol {@code y}, the next state is {@code transitions()[s + y]}.
     */
    int[] transitions() {
        return next;
    }

    /** States from this one on have anchors ending in them: "any hit here?" is one comparison. */
    int firstHitState() {
        return firstHitState;
    }

    /** Anchor ids ending at this state, or null. */
    int[] hits(int state) {
        return hits[state / width];
    }

    int length(int anchorId) {
        return lengths[anchorId];
    }

    @Override
    public String toString() {
        return "AnchorAutomaton[states=" + hits.length + ", symbols=" + width + ", anchors=" + Arrays.stream(lengths).count() + "]";
    }
}
