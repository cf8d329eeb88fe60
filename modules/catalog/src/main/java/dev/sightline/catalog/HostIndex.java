package dev.sightline.catalog;

import dev.sightline.catalog.HostMatcher.Rule;
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
final class HostIndex<V> {
    private static final Rule<?>[] NONE = new Rule<?>[0];

    private static final class Node {
        final String key;
        final int hash;
        Rule<?>[] exact = NONE;
        Rule<?>[] suffix = NONE;
        Rule<?>[] wildcard = NONE;

        Node(String key) {
            this.key = key;
            this.hash = hash(key, 0, key.length());
        }
    }

    private final Node[] table;
    private final int mask;
    private final int ruleCount;

    HostIndex(List<Rule<V>> rules) {
        Map<String, List<List<Rule<V>>>> byKey = new LinkedHashMap<>();
        for (Rule<V> rule : rules) {
            List<List<Rule<V>>> lists = byKey.computeIfAbsent(rule.pattern().indexKey(),
                    k -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            List<Rule<V>> bucket = lists.get(rule.pattern().kind().ordinal());
            for (Rule<V> existing : bucket) {
                if (existing.pattern().equals(rule.pattern())) {
                    throw new IllegalArgumentException("host pattern '" + rule.pattern() + "' is claimed by both '"
                            + existing.owner() + "' and '" + rule.owner() + "'");
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
    private static Rule<?>[] ordered(List<? extends Rule<?>> rules) {
        if (rules.isEmpty()) {
            return NONE;
        }
        return rules.stream()
                .sorted(Comparator.<Rule<?>>comparingInt(m -> m.pattern().pathPrefix().length()).reversed()
                        .thenComparing(Comparator.<Rule<?>>comparingInt(m -> m.pattern().host().length()).reversed()))
                .toArray(Rule<?>[]::new);
    }

    int ruleCount() {
        return ruleCount;
    }

    /** The value of the best rule for a normalized host and path, or null. */
    V lookup(String host, String path) {
        Rule<?> best = bestRule(host, path);
        @SuppressWarnings("unchecked") // every rule of this index was a Rule<V> when it was built
        V value = best == null ? null : (V) best.value();
        return value;
    }

    private Rule<?> bestRule(String host, String path) {
        int n = host.length();
        int h = 0;
        Rule<?> bestSuffix = null;
        Rule<?> bestWildcard = null;
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
                Rule<?> exact = firstForPath(node.exact, path);
                if (exact != null) {
                    return exact;
                }
            }
            if (i > 0) {
                Rule<?> suffix = firstForPath(node.suffix, path);
                if (suffix != null) {
                    bestSuffix = suffix;
                }
                for (Rule<?> w : node.wildcard) {
                    if (w.pattern().pathMatches(path) && w.pattern().wildcardPrefixMatches(host, i - 1)) {
                        bestWildcard = w;
                        break;
                    }
                }
            }
        }
        return bestSuffix != null ? bestSuffix : bestWildcard;
    }

    private static Rule<?> firstForPath(Rule<?>[] rules, String path) {
        for (Rule<?> rule : rules) {
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
