package dev.sightline.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How a configuration value is read from text and written back (for {@code describe()} and Kafka properties).
 * Parsers signal a malformed value with an {@link IllegalArgumentException}; the loader turns it into a problem.
 *
 * @param <T> the Java type of the value
 */
public final class ValueType<T> {

    public static final ValueType<Integer> INTEGER = of("an integer", Integer::valueOf, String::valueOf);
    public static final ValueType<Long> LONG = of("an integer", Long::valueOf, String::valueOf);
    public static final ValueType<String> STRING = of("a string", Function.identity(), Function.identity());
    public static final ValueType<Path> PATH = of("a file system path", Path::of, Path::toString);
    public static final ValueType<Secret> SECRET = of("a secret", Secret::new, secret -> Secret.MASK);
    /** Comma-separated; blanks around entries and empty entries are dropped. */
    public static final ValueType<List<String>> LIST = of("a comma-separated list",
            text -> Arrays.stream(text.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList(),
            list -> String.join(",", list));

    /** {@code true} or {@code false}, ignoring case; anything else is refused rather than read as false. */
    public static final ValueType<Boolean> BOOLEAN = of("true or false", text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw new IllegalArgumentException("not true or false");
    }, String::valueOf);

    private final String description;
    private final Function<String, T> parser;
    private final Function<? super T, String> renderer;

    private ValueType(String description, Function<String, T> parser, Function<? super T, String> renderer) {
        this.description = Objects.requireNonNull(description, "description");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    public static <T> ValueType<T> of(String description, Function<String, T> parser, Function<? super T, String> renderer) {
        return new ValueType<>(description, parser, renderer);
    }

    /** Constants matched by {@link ConfigName#configName()}, ignoring case. */
    public static <E extends Enum<E> & ConfigName> ValueType<E> enumeration(Class<E> type) {
        E[] constants = type.getEnumConstants();
        String names = Arrays.stream(constants).map(ConfigName::configName).collect(Collectors.joining(", "));
        return of("one of " + names, text -> Arrays.stream(constants)
                .filter(constant -> constant.configName().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not one of " + names)), ConfigName::configName);
    }

    /** What a value of this type looks like, e.g. "an integer"; used when a key has no narrower validator. */
    public String description() {
        return description;
    }

    /** @throws IllegalArgumentException if the text is not a value of this type */
    public T parse(String text) {
        return parser.apply(text);
    }

    public String render(T value) {
        return renderer.apply(value);
    }
}
