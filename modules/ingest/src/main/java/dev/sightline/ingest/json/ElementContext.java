package dev.sightline.ingest.json;

import dev.sightline.ingest.EventIds;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.UserNames;
import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SourceCoordinates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * One element being parsed: the raw record it came from, its position in a multi-record message, the site options,
 * and the event fields every parser fills the same way.
 *
 * @param index position in a multi-record message (0-based), null for a single-record message
 */
public record ElementContext(RawRecord record, String format, ParserOptions options, Integer index) {

    public Instant receivedAt() {
        return record.receivedAt();
    }

    /** Id for an element without an id of its own: hash of format, message bytes and element position. */
    public String contentId() {
        return EventIds.fromContent(format, record.value(), index == null ? 0 : index);
    }

    public String sourceId(String id) {
        return EventIds.fromSourceId(format, id);
    }

    /**
     * Where the element came from. For an element of a multi-record message read from Kafka (no line) the element's
     * 0-based index goes into {@code line}, as the SourceCoordinates schema documents; file coordinates keep their line.
     */
    public SourceCoordinates source() {
        SourceCoordinates source = record.source();
        if (index == null || source.getLine() != null) {
            return source;
        }
        return SourceCoordinates.newBuilder(source).setLine((long) index).build();
    }

    /** The normalized user id (lower case, configured domain suffixes applied). */
    public Optional<String> user(Optional<String> raw) {
        return raw.flatMap(name -> UserNames.normalize(name, options.domainSuffixes()));
    }

    /**
     * A builder with the fields every event has: id, event time, ingest time (when Sightline read the record),
     * source, product, and empty collections. Proxy action, activity and account type start at their schema defaults
     * (UNKNOWN, OTHER, UNKNOWN) until the parser sets them. They are set here rather than left to the builder: Avro
     * resolves an enum default by loading its class through the trusted-packages check, so in a JVM started without
     * {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=dev.sightline.model} every event that relied on the default
     * (all of ECS, which has no account type) failed to build.
     */
    public AiUsageEvent.Builder newEvent(String eventId, Instant eventTime, String sourceProduct) {
        return AiUsageEvent.newBuilder()
                .setEventId(eventId)
                .setEventTime(eventTime)
                .setIngestTime(record.receivedAt())
                .setSource(source())
                .setSourceProduct(sourceProduct)
                .setProxyAction(ProxyAction.UNKNOWN)
                .setActivity(Activity.OTHER)
                .setAccountType(AccountType.UNKNOWN)
                .setAssets(new ArrayList<>())
                .setAttributes(new LinkedHashMap<>())
                .setFindings(List.of())
                .setDataClasses(List.of());
    }
}
