package dev.sightline.simulator;

import java.time.LocalDate;

/**
 * Renders epoch milliseconds (UTC) in the notations the formats use, without a formatter per call: the date part is
 * cached per day, the time of day is plain arithmetic. One instance per simulator (not thread safe).
 */
final class TimeText {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final long DAY_MILLIS = 86_400_000L;

    private long cachedDay = Long.MIN_VALUE;
    private String isoDate;
    private String clfDate;

    /** {@code 1795805792.485} (Squid {@code %ts.%03tu}). */
    static StringBuilder epochSeconds(StringBuilder sb, long millis) {
        sb.append(millis / 1000).append('.');
        return pad(sb, (int) (millis % 1000), 3);
    }

    /** {@code yyyy-MM-dd} + separator + {@code HH:mm:ss}. */
    StringBuilder dateTime(StringBuilder sb, long millis, char separator) {
        return timeOfDay(sb.append(date(millis)).append(separator), millis);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    StringBuilder isoMillis(StringBuilder sb, long millis) {
        dateTime(sb, millis, 'T').append('.');
        return pad(sb, (int) Math.floorMod(millis, 1000L), 3).append('Z');
    }

    /** {@code yyyy-MM-dd}. */
    String date(long millis) {
        refresh(millis);
        return isoDate;
    }

    /** {@code HH:mm:ss}. */
    static StringBuilder timeOfDay(StringBuilder sb, long millis) {
        int secondOfDay = (int) (Math.floorMod(millis, DAY_MILLIS) / 1000);
        pad(sb, secondOfDay / 3600, 2).append(':');
        pad(sb, secondOfDay / 60 % 60, 2).append(':');
        return pad(sb, secondOfDay % 60, 2);
    }

    /** Common Log Format {@code 27/Nov/2026:18:56:32 +0000}. */
    StringBuilder clf(StringBuilder sb, long millis) {
        refresh(millis);
        return timeOfDay(sb.append(clfDate).append(':'), millis).append(" +0000");
    }

    private void refresh(long millis) {
        long day = Math.floorDiv(millis, DAY_MILLIS);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            isoDate = date.toString();
            StringBuilder sb = new StringBuilder(11);
            pad(sb, date.getDayOfMonth(), 2).append('/').append(MONTHS[date.getMonthValue() - 1]).append('/')
                    .append(date.getYear());
            clfDate = sb.toString();
            cachedDay = day;
        }
    }

    /** The value zero-padded to two or three digits. */
    static StringBuilder pad(StringBuilder sb, int value, int width) {
        if (width >= 3 && value < 100) {
            sb.append('0');
        }
        if (value < 10) {
            sb.append('0');
        }
        return sb.append(value);
    }
}
