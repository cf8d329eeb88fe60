package dev.sightline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Options whose key ends in a name the user chooses, e.g. {@code sightline.ingest.formats.<topic>} or
 * {@code kafka.<property>}. Every member is a {@link ConfigKey} made from one template.
 *
 * @param <T> the value type of every member
 */
public final class KeyFamily<T> {

    private final String prefix;
    private final String placeholder;
    private final ConfigKey<T> template;
    private final Function<String, Optional<String>> suffixProblem;
    private final Predicate<String> secretSuffix;
    private final Map<String, T> defaults;

    /**
     * @param prefix        the fixed start of every member key, ending in '.'
     * @param placeholder   what the rest of the key names, for docs, e.g. "topic"
     * @param template      type, validator and doc of every member (its name is ignored)
     * @param suffixProblem why a chosen suffix is not acceptable, or empty if it is
     * @param secretSuffix  which members are secrets, judged by their suffix
     * @param defaults      members present without configuration: suffix to value
     */
    public KeyFamily(String prefix, String placeholder, ConfigKey<T> template,
                     Function<String, Optional<String>> suffixProblem, Predicate<String> secretSuffix,
                     Map<String, T> defaults) {
        if (!prefix.endsWith(".")) {
            throw new IllegalArgumentException("a family prefix ends with '.': " + prefix);
        }
        this.prefix = prefix;
        this.placeholder = Objects.requireNonNull(placeholder, "placeholder");
        this.template = template.named(prefix + "<" + placeholder + ">");
        this.suffixProblem = Objects.requireNonNull(suffixProblem, "suffixProblem");
        this.secretSuffix = Objects.requireNonNull(secretSuffix, "secretSuffix");
        this.defaults = Map.copyOf(defaults);
    }

    public String prefix() {
        return prefix;
    }

    public String placeholder() {
        return placeholder;
    }

    /** The shared declaration, named {@code prefix<placeholder>}. */
    public ConfigKey<T> template() {
        return template;
    }

    /** Members present without configuration: suffix to value. */
    public Map<String, T> defaults() {
        return defaults;
    }

    /** True if {@code key} is a member: the prefix followed by a non-empty suffix. */
    public boolean contains(String key) {
        return key.startsWith(prefix) && key.length() > prefix.length();
    }

    public String suffix(String key) {
        if (!contains(key)) {
            throw new IllegalArgumentException(key + " is not in " + template.name());
        }
        return key.substring(prefix.length());
    }

    /** The member for {@code suffix}, with its default (if any) and secrecy. */
    public ConfigKey<T> key(String suffix) {
        ConfigKey<T> key = template.named(prefix + suffix);
        T fallback = defaults.get(suffix);
        if (fallback != null) {
            key = key.defaultValue(fallback);
        }
        return secretSuffix.test(suffix) ? key.secret() : key;
    }

    /** Why {@code suffix} cannot be used, e.g. a topic name with illegal characters; empty if it can. */
    public Optional<String> suffixProblem(String suffix) {
        return suffixProblem.apply(suffix);
    }

    List<ConfigKey<T>> defaultKeys() {
        return defaults.keySet().stream().sorted().map(this::key).toList();
    }

    @Override
    public String toString() {
        return template.name();
    }
}
