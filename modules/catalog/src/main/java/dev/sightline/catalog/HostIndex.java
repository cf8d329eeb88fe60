package dev.sightline.catalog;

import dev.sightline.catalog.MatchResult.Matched;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matcher's lookup structure: an open-addressing hash table keyed by host name, probed once per label while
 * walking a host from its last label to its first. Keys are compared in place ({@link String#regionMatches}), so a
 * lookup allocates nothing and runs no regular expression.
 *
 * <p>Precedence: an exact rule on the whole host; else the suffix rule on the longest matching parent domain; else the
 * wildcard rule with the longest literal suffix. Within one host, rules with the longest matching path prefix come
 * before the rule without a path.
 */
final class HostIndex {
    private static final Matched[] NONE = new Matched[0];

    private static final class Node {
        final String key;
        final int hash;
        Matched[] exact = NONE;
        Matched[] suffix = NONE;
        Matched[] wildcard = NONE;

        Node(String key) {
            this.key = key;
            this.hash = hash(key, 0, key.length());
        }
    }

    private final Node[] table;
    private final int mask;
    private final int ruleCount;

    HostIndex(List<Matched> rules) {
        Map<String, List<List<Matched>>> byKey = new LinkedHashMap<>();
        for (Matched rule : rules) {
            List<List<Matched>> lists = byKey.computeIfAbsent(rule.pattern().indexKey(),
                    k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            List<Matched> bucket = lists.get(rule.pattern().kind().ordinal());
            for (Matched existing : bucket) {
                if (existing.pattern().equals(rule.pattern())) {
                    throw new IllegalArgumentException("host pattern '" + rule.pattern() + "' is claimed by both '"
                            + existing.tool().id() + "' and '" + rule.tool().id() + "'");
                }
            }
            bucket.add(rule);
        }
        int capacity = Integer.highestOneBit(Math.max(16, byKey.size() * 4) - 1) << 1;
        table = new Node[capacity];
        mask = capacity - 1;
        byKey.forEach((key, lists) -> {
            Node node = new Node(key);
            node.exact = ordered(lists.get(HostPattern.Kind.EXACT.ordinal()));
            node.suffix = ordered(lists.get(HostPattern.Kind.SUFFIX.ordinal()));
            node.wildcard = ordered(lists.get(HostPattern.Kind.WILDCARD.ordinal()));
            int i = node.hash & mask;
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = node;
        });
        ruleCount = rules.size();
    }

    /** Longest path prefix first (the pathless rule last); among wildcards, the more literal pattern first. */
    private static Matched[] ordered(List<Matched> rules) {
        if (rules.isEmpty()) {
            return NONE;
        }
        return rules.stream()
                .sorted(Comparator.<Matched>comparingInt(m -> m.pattern().pathPrefix().length()).reversed()
                        .thenComparing(Comparator.<Matched>comparingInt(m -> m.pattern().host().length()).reversed()))
                .toArray(Matched[]::new);
    }

    int ruleCount() {
        return ruleCount;
    }

    /** The best rule for a normalized host and path, or null. */
    Matched lookup(String host, String path) {
        int n = host.length();
        int h = 0;
        Matched bestSuffix = null;
        Matched bestWildcard = null;
        for (int i = n - 1; i >= 0; i--) {
            h = 31 * h + host.charAt(i);
            if (i != 0 && host.charAt(i - 1) != '.') {
                continue;
            }
            Node node = find(host, i, n, mix(h));
            if (node == null) {
                continue;
            }
            if (i == 0) {
                Matched exact = firstForPath(node.exact, path);
                if (exact != null) {
                    return exact;
                }
            }
            if (i > 0) {
                Matched suffix = firstForPath(node.suffix, path);
                if (suffix != null) {
                    bestSuffix = suffix;
                }
                for (Matched w : node.wildcard) {
                    if (w.pattern().pathMatches(path) && w.pattern().wildcardPrefixMatches(host, i - 1)) {
                        bestWildcard = w;
                        break;
                    }
                }
            }
        }
        return bestSuffix != null ? bestSuffix : bestWildcard;
    }

    private static Matched firstForPath(Matched[] rules, String path) {
        for (Matched rule : rules) {
            if (rule.pattern().pathMatches(path)) {
                return rule;
            }
        }
        return null;
    }

    private Node find(String host, int start, int end, int hash) {
        int len = end - start;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Node node = table[i];
            if (node == null) {
                return null;
            }
            if (node.hash == hash && node.key.length() == len && host.regionMatches(start, node.key, 0, len)) {
                return node;
            }
        }
    }

    /** Polynomial hash over {@code s[start, end)} taken from the right, as {@link #lookup} accumulates it. */
    private static int hash(String s, int start, int end) {
        int h = 0;
        for (int i = end - 1; i >= start; i--) {
            h = 31 * h + s.charAt(i);
        }
        return mix(h);
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
