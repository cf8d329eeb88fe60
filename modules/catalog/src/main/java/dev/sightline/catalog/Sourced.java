package dev.sightline.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A risk attribute with its evidence: the value, where it comes from (a URL or document title) and a date. The date is
 * the source's own publication or update date, or — when the source shows none — the day it was read, and then
 * {@code retrieved} is true. An {@code unknown} value needs neither source nor date.
 *
 * <p>In a catalog file the two kinds of date are two fields, so that nobody mistakes a reading date for a page date:
 * {@code {value: "no", source: "https://…", date: 2025-09-28}} or {@code {value: "no", source: "https://…",
 * retrieved: 2026-11-27}}.
 */
public record Sourced<T extends Knowable>(T value, String source, LocalDate date, boolean retrieved) {
    public Sourced {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
        boolean known = value.known();
        if (known && (source == null || source.isBlank())) {
            throw new IllegalArgumentException("source is required for a known value");
        }
        if (known && date == null) {
            throw new IllegalArgumentException("a date is required for a known value: 'date' (the source's own date) "
                    + "or 'retrieved' (the day it was read, when the source shows no date)");
        }
    }

    /** A fact dated by its source's own publication or update date. */
    public Sourced(T value, String source, LocalDate date) {
        this(value, source, date, false);
    }

    @JsonCreator
    Sourced(@JsonProperty("value") T value, @JsonProperty("source") String source,
            @JsonProperty("date") LocalDate date, @JsonProperty("retrieved") LocalDate retrieved) {
        this(value, source, onlyOne(date, retrieved), date == null && retrieved != null);
    }

    private static LocalDate onlyOne(LocalDate date, LocalDate retrieved) {
        if (date != null && retrieved != null) {
            throw new IllegalArgumentException("give either 'date' (the source's own date) or 'retrieved' (the day it "
                    + "was read), not both");
        }
        return date != null ? date : retrieved;
    }

    public static <T extends Knowable> Sourced<T> unknown(T unknownValue) {
        return new Sourced<>(unknownValue, null, null, false);
    }
}
