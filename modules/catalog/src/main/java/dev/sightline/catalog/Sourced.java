package dev.sightline.catalog;

import java.time.LocalDate;

/**
 * A risk attribute with its evidence: the value, where it comes from (a URL or document title) and the date the
 * statement was recorded. An {@code unknown} value needs neither.
 */
public record Sourced<T extends Knowable>(T value, String source, LocalDate date) {
    public Sourced {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
        boolean known = value.known();
        if (known && (source == null || source.isBlank())) {
            throw new IllegalArgumentException("source is required for a known value");
        }
        if (known && date == null) {
            throw new IllegalArgumentException("date is required for a known value");
        }
    }

    public static <T extends Knowable> Sourced<T> unknown(T unknownValue) {
        return new Sourced<>(unknownValue, null, null);
    }
}
