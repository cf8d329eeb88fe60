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
    private final int[] next;
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
        next = new int[states * width];
        int[] fail = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int sym = 1; sym < width; sym++) {
            int child = trie.get(ROOT)[sym];
            next[sym] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            out.get(state).addAll(out.get(fail[state]));
            for (int sym = 0; sym < width; sym++) {
                int child = sym == 0 ? 0 : trie.get(state)[sym];
                if (child != 0) {
                    fail[child] = next[fail[state] * width + sym];
                    next[state * width + sym] = child;
                    queue.add(child);
                } else {
                    next[state * width + sym] = next[fail[state] * width + sym];
                }
            }
        }
        hits = new int[states][];
        for (int s = 0; s < states; s++) {
            hits[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).distinct().toArray();
        }
    }

    int step(int state, char c) {
        return next[state * width + (c < 128 ? symbol[c] : 0)];
    }

    /** Anchor ids ending at this state, or null. */
    int[] hits(int state) {
        return hits[state];
    }

    int length(int anchorId) {
        return lengths[anchorId];
    }

    @Override
    public String toString() {
        return "AnchorAutomaton[states=" + hits.length + ", symbols=" + width + ", anchors=" + Arrays.stream(lengths).count() + "]";
    }
}
