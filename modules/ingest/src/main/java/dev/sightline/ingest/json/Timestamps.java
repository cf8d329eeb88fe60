package dev.sightline.ingest.json;

import dev.sightline.ingest.RejectReason;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Event-time parsing shared by the JSON parsers. Every result lies in the accepted window: not before {@link #EARLIEST}
 * (older values are corrupt or epoch-zero defaults) and not more than {@link #MAX_AHEAD} after the record was received
 * (clock skew allowance); anything else is BAD_TIMESTAMP naming the field.
 */
public final class Timestamps {
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration MAX_AHEAD = Duration.ofDays(1);
    /** Epoch seconds are about 10 digits plus a fraction; longer text is not a time. */
    private static final int MAX_EPOCH_TEXT = 32;
    /** Digits before the point of any value near the accepted window: 10 for today, 13 is already absurd. */
    private static final int MAX_INTEGER_DIGITS = 13;
    /** Values below a millisecond are the epoch itself, far outside the window. */
    private static final int MIN_INTEGER_DIGITS = -3;

    /** {@code yyyy-MM-dd HH:mm:ss} (Zscaler NSS, Netskope date + time), optional fraction. */
    private static final DateTimeFormatter SPACE_SEPARATED = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /**
     * ISO-8601 date-time. With an offset or {@code Z} it is taken as written; without one (M365 CreationTime) it is
     * read in {@code zoneWithoutSuffix}.
     */
    public static Instant iso(String text, String field, ZoneId zoneWithoutSuffix, Instant receivedAt)
            throws RecordException {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                instant = LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        .atZone(zoneWithoutSuffix).toInstant();
            } catch (DateTimeParseException notIso) {
                throw bad(field, "an ISO-8601 date-time");
            }
        }
        return inWindow(instant, field, receivedAt);
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.fff]} in the given zone. */
    public static Instant spaceSeparated(String text, String field, ZoneId zone, Instant receivedAt)
            throws RecordException {
        try {
            return inWindow(LocalDateTime.parse(text, SPACE_SEPARATED).atZone(zone).toInstant(), field, receivedAt);
        } catch (DateTimeParseException e) {
            throw bad(field, "a 'yyyy-MM-dd HH:mm:ss' date-time");
        }
    }

    /**
     * Seconds since the epoch, whole or with a fraction (ChatGPT {@code created_at}, Netskope timestamps); the fraction
     * is truncated to milliseconds.
     */
    public static Instant epochSeconds(String text, String field, Instant receivedAt) throws RecordException {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text.length() <= MAX_EPOCH_TEXT ? text : "not a number");
        } catch (NumberFormatException e) {
            throw bad(field, "epoch seconds");
        }
        // Bound the magnitude before any arithmetic: "1e999999999" or "1e-999999999" would otherwise cost a
        // billion-digit power of ten.
        long integerDigits = (long) seconds.precision() - seconds.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || integerDigits < MIN_INTEGER_DIGITS) {
            throw outsideWindow(field);
        }
        long millis = seconds.movePointRight(3).setScale(0, RoundingMode.DOWN).longValue();
        return inWindow(Instant.ofEpochMilli(millis), field, receivedAt);
    }

    /** Milliseconds since the epoch. */
    public static Instant epochMillis(String text, String field, Instant receivedAt) throws RecordException {
        try {
            return inWindow(Instant.ofEpochMilli(Long.parseLong(text)), field, receivedAt);
        } catch (NumberFormatException | DateTimeException e) {
            throw bad(field, "epoch milliseconds");
        }
    }

    private static Instant inWindow(Instant instant, String field, Instant receivedAt) throws RecordException {
        if (instant.isBefore(EARLIEST) || instant.isAfter(receivedAt.plus(MAX_AHEAD))) {
            throw outsideWindow(field);
        }
        return instant;
    }

    private static RecordException outsideWindow(String field) {
        return new RecordException(RejectReason.BAD_TIMESTAMP,
                "field '" + field + "' lies outside the accepted time window");
    }

    private static RecordException bad(String field, String expected) {
        return new RecordException(RejectReason.BAD_TIMESTAMP, "field '" + field + "' is not " + expected);
    }
}
