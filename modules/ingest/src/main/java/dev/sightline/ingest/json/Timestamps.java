package dev.sightline.ingest.json;

import dev.sightline.ingest.RejectReason;
import java.math.BigDecimal;
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

    /** Seconds since the epoch, whole or with a fraction (ChatGPT {@code created_at}, Netskope timestamps). */
    public static Instant epochSeconds(String text, String field, Instant receivedAt) throws RecordException {
        try {
            BigDecimal seconds = new BigDecimal(text);
            BigDecimal millis = seconds.movePointRight(3);
            return inWindow(Instant.ofEpochMilli(millis.longValueExact()), field, receivedAt);
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            throw bad(field, "epoch seconds");
        }
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
            throw new RecordException(RejectReason.BAD_TIMESTAMP,
                    "field '" + field + "' lies outside the accepted time window");
        }
        return instant;
    }

    private static RecordException bad(String field, String expected) {
        return new RecordException(RejectReason.BAD_TIMESTAMP, "field '" + field + "' is not " + expected);
    }
}
