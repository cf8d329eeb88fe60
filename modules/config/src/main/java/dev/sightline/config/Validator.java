package dev.sightline.config;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A rule a parsed value must satisfy.
 *
 * @param test    true for an acceptable value
 * @param allowed what is acceptable, as a phrase for error messages and docs, e.g. "an integer from 0 to 65535"
 * @param <T>     the value type
 */
public record Validator<T>(Predicate<? super T> test, String allowed) {

    public Validator {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(allowed, "allowed");
    }

    public boolean accepts(T value) {
        return test.test(value);
    }

    /** Inclusive on both ends. */
    public static <N extends Number & Comparable<N>> Validator<N> range(N min, N max) {
        return new Validator<>(n -> n.compareTo(min) >= 0 && n.compareTo(max) <= 0,
                "an integer from " + min + " to " + max);
    }

    public static <N extends Number & Comparable<N>> Validator<N> atLeast(N min) {
        return new Validator<>(n -> n.compareTo(min) >= 0, "an integer of at least " + min);
    }

    /** The whole value must match {@code regex}. */
    public static Validator<String> matching(String regex, String allowed) {
        Pattern pattern = Pattern.compile(regex);
        return new Validator<>(text -> pattern.matcher(text).matches(), allowed);
    }
}
