package dev.sightline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.SourceCoordinates;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Query strings in, typed queries or a 400 naming what is wrong out; cursors order and round-trip. */
class QueryParametersTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void parsesAnAuditQuery() {
        AuditQuery query = AuditQuery.parse(QueryParameters.parse(
                "user=alice%40corp&tool=chatgpt&class=pci&from=2026-11-27T10:00:00Z&to=1795860000000&limit=5",
                AuditQuery.PARAMETERS));
        assertThat(query.user()).contains("alice@corp");
        assertThat(query.tool()).contains("chatgpt");
        assertThat(query.dataClass()).contains(DataClass.PCI);
        assertThat(query.range().from()).isEqualTo(T0);
        assertThat(query.range().to()).isEqualTo(Instant.ofEpochMilli(1795860000000L));
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.cursor()).isEmpty();
    }

    @Test
    void defaultsCoverEverything() {
        AuditQuery query = AuditQuery.parse(QueryParameters.parse(null, AuditQuery.PARAMETERS));
        assertThat(query.limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
        assertThat(query.range().contains(Instant.EPOCH)).isTrue();
        assertThat(query.range().contains(Instant.parse("2999-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void rejectsWhatItCannotUseWithTheParameterNamed() {
        assertBad("limit=1001", "'limit' must be an integer from 1 to 1000");
        assertBad("limit=ten", "'limit'");
        assertBad("from=monday", "'from' must be an ISO-8601 instant");
        assertBad("from=2026-11-27T10:00:00Z&to=2026-11-27T10:00:00Z", "'from' must be before 'to'");
        assertBad("class=money", "'class' must be one of");
        assertBad("user=a&user=b", "'user' given more than once");
        assertBad("secret=x", "unknown parameter 'secret'");
        assertBad("cursor=AAA", "'cursor' is not a cursor");
        assertBad("user=%zz", "not valid URL encoding");
    }

    @Test
    void matchesFiltersAndStaysStrictlyAfterTheCursor() {
        AuditRecord first = record("audit:e-1", T0);
        AuditRecord second = record("audit:e-2", T0);
        String cursor = AuditQuery.Position.of(first).encode();
        AuditQuery query = AuditQuery.parse(QueryParameters.parse("tool=chatgpt&cursor=" + cursor, AuditQuery.PARAMETERS));
        assertThat(query.matches(first)).isFalse();
        assertThat(query.matches(second)).isTrue();
        second.setToolId("claude");
        assertThat(query.matches(second)).isFalse();
    }

    @Property
    void cursorsRoundTripAndOrderByTimeThenId(@ForAll long time, @ForAll long otherTime, @ForAll("ids") String id) {
        AuditQuery.Position position = new AuditQuery.Position(time, id);
        assertThat(AuditQuery.Position.decode(position.encode())).isEqualTo(position);
        if (time != otherTime) {
            assertThat(Integer.signum(AuditQuery.ORDER.compare(position, new AuditQuery.Position(otherTime, id))))
                    .isEqualTo(Long.signum(Long.compare(time, otherTime)));
        }
    }

    @Property
    void anyQueryStringIsParsedOrRejectedWithA400(@ForAll String rawQuery) {
        try {
            AuditQuery.parse(QueryParameters.parse(rawQuery, AuditQuery.PARAMETERS));
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars(":-").ofMaxLength(40).map(s -> "audit:" + s);
    }

    private static void assertBad(String rawQuery, String message) {
        assertThatThrownBy(() -> AuditQuery.parse(QueryParameters.parse(rawQuery, AuditQuery.PARAMETERS)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static AuditRecord record(String recordId, Instant at) {
        return AuditRecord.newBuilder().setRecordId(recordId).setSequence(0).setEventId(recordId).setEventTime(at)
                .setRecordedAt(at).setUser("alice").setToolId("chatgpt").setDataClasses(List.of(DataClass.PCI))
                .setSource(SourceCoordinates.newBuilder().setFormat("zscaler").setTopic("raw").setPartition(0)
                        .setOffset(1L).build()).build();
    }
}
