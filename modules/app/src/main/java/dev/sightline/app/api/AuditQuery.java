package dev.sightline.app.api;

import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/audit}: who sent which sensitive data to which AI tool, when. Results come oldest first, ordered by
 * (event time, record id), {@code limit} at a time; {@code nextCursor} of a page, passed as {@code cursor}, gives the
 * next one. A cursor is a position in that order, so paging stays correct while new records arrive.
 *
 * @param user   the user key (the user id, or anonymous@ip): routed to the one instance holding that user
 * @param range  event time {@code [from, to)}
 * @param cursor records strictly after this position
 */
record AuditQuery(Optional<String> user, Optional<String> tool, Optional<String> asset, Optional<DataClass> dataClass,
                  QueryParameters.TimeRange range, int limit, Optional<Position> cursor) {
    static final Set<String> PARAMETERS = Set.of("user", "tool", "asset", "class", "from", "to", "limit", "cursor");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** The order of results, and what a cursor points at. */
    static final Comparator<Position> ORDER = Comparator.comparingLong(Position::eventTimeMillis)
            .thenComparing(Position::recordId, (a, b) -> Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));

    static AuditQuery parse(QueryParameters parameters) {
        return new AuditQuery(parameters.text("user"), parameters.text("tool"), parameters.text("asset"),
                parameters.enumeration("class", DataClass.class), parameters.timeRange(),
                parameters.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
                parameters.text("cursor").map(Position::decode));
    }

    /** Whether the record passes the filters other than user (the store range takes care of that) and the cursor. */
    boolean matches(AuditRecord record) {
        return range.contains(record.getEventTime())
                && tool.map(record.getToolId()::equals).orElse(true)
                && asset.map(id -> record.getAssets().stream().map(AccessedAsset::getAssetId).anyMatch(id::equals))
                        .orElse(true)
                && dataClass.map(record.getDataClasses()::contains).orElse(true)
                && after(Position.of(record));
    }

    /** Strictly after the cursor, if any. */
    boolean after(Position position) {
        return cursor.map(c -> ORDER.compare(position, c) > 0).orElse(true);
    }

    /** Where a record stands in the result order; as a cursor, encoded opaque and URL-safe. */
    record Position(long eventTimeMillis, String recordId) {
        static Position of(AuditRecord record) {
            return new Position(record.getEventTime().toEpochMilli(), record.getRecordId());
        }

        String encode() {
            byte[] id = recordId.getBytes(StandardCharsets.UTF_8);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(Long.BYTES + id.length).putLong(eventTimeMillis).put(id).array());
        }

        static Position decode(String cursor) {
            try {
                byte[] bytes = Base64.getUrlDecoder().decode(cursor);
                if (bytes.length >= Long.BYTES) {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    return new Position(buffer.getLong(), new String(bytes, Long.BYTES, bytes.length - Long.BYTES,
                            StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw ApiException.badRequest("parameter 'cursor' is not a cursor this API returned (use nextCursor)");
        }
    }
}
