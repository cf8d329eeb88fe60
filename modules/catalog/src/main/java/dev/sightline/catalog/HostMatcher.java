package dev.sightline.catalog;

import dev.sightline.catalog.HostNormalizer.Target;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalog's host and path matching over rules kept elsewhere — e.g. tools that a stream application reads from
 * {@code ref.ai-tools} — with the same normalization, precedence and allocation-free index as {@link Catalog#match}.
 * Immutable and thread-safe: build a new one when the rules change, never per lookup.
 *
 * @param <V> what a lookup returns for the matching rule
 */
public final class HostMatcher<V> {

    /**
     * One host rule.
     *
     * @param pattern the host pattern, with its optional path prefix
     * @param owner   id of the tool that claims the pattern (named when two tools claim the same one)
     * @param value   returned by {@link #match} when this rule is the best match
     */
    public record Rule<V>(HostPattern pattern, String owner, V value) {
        public Rule {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(value, "value");
        }
    }

    private final HostIndex<V> index;
    private final int size;

    private HostMatcher(List<Rule<V>> rules) {
        this.index = new HostIndex<>(rules);
        this.size = rules.size();
    }

    /**
     * @throws IllegalArgumentException when two rules have the same pattern (the message names both owners)
     */
    public static <V> HostMatcher<V> of(List<Rule<V>> rules) {
        return new HostMatcher<>(List.copyOf(rules));
    }

    /**
     * The value of the best rule for a host (as logged: any case, maybe with port or trailing dot) and a request path
     * (a query is ignored; null or empty means {@code /}); empty when no rule matches or the host is unusable.
     */
    public Optional<V> match(String host, String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        if (host != null && HostNormalizer.isPlainHost(host)) {
            return Optional.ofNullable(index.lookup(host, p));
        }
        if (HostNormalizer.normalize(host) instanceof Target t) {
            return Optional.ofNullable(index.lookup(t.host(), p));
        }
        return Optional.empty();
    }

    public int size() {
        return size;
    }
}
