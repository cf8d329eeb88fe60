package dev.sightline.config;

import java.util.Objects;

/**
 * A credential read from configuration. Its {@code toString()} is a mask, so that passing it to a logger or a message
 * by mistake shows nothing; code that needs the value calls {@link #reveal()}.
 */
public final class Secret {

    /** What every redacted value looks like: in messages, {@code describe()} and {@code toString()}. */
    public static final String MASK = "******";

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
