package dev.sightline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.app.evidence.EvidenceControl;
import dev.sightline.app.evidence.EvidenceFormat;
import dev.sightline.app.evidence.EvidencePeriod;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.DataClass;
import dev.sightline.model.SourceCoordinates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
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
    void parsesAnEvidenceQueryWithDaysOrInstants() {
        EvidenceQuery query = evidence("control=A.9.2&from=2026-11-01&to=2026-11-27T10:00:00Z&format=csv");
        assertThat(query.control()).isEqualTo(EvidenceControl.A_9_2);
        assertThat(query.period()).isEqualTo(new EvidencePeriod(Instant.parse("2026-11-01T00:00:00Z"), T0));
        assertThat(query.format()).isEqualTo(EvidenceFormat.CSV);
        assertThat(evidence("control=a.10.3&format=JSON").control()).isEqualTo(EvidenceControl.A_10_3);
    }

    @Test
    void anEvidenceQueryCoversTheLastThirtyDaysByDefault() {
        EvidenceQuery query = evidence("control=A.6.2.8");
        assertThat(query.period()).isEqualTo(new EvidencePeriod(T0.minus(Duration.ofDays(30)), T0));
        assertThat(query.format()).isEqualTo(EvidenceFormat.JSON);
        assertThat(evidence("control=A.6.2.8&to=2026-11-02").period())
                .isEqualTo(new EvidencePeriod(Instant.parse("2026-10-03T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")));
        assertThat(evidence("control=A.6.2.8&from=2026-11-20").period())
                .isEqualTo(new EvidencePeriod(Instant.parse("2026-11-20T00:00:00Z"), T0));
        assertThat(evidence("control=A.6.2.8&from=2025-10-24&to=2026-11-28").period().to())
                .as("400 days exactly").isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void rejectsABadEvidenceQueryWithWhatIsWrong() {
        assertBadEvidence("", "parameter 'control' is required: one of A.4.2, A.4.3, A.6.2.6, A.6.2.8, A.7.5, A.9.2, "
                + "A.9.3, A.9.4, A.10.2, A.10.3");
        assertBadEvidence("control=A.5.2", "parameter 'control' must be one of A.4.2, A.4.3,");
        assertBadEvidence("control=A.9.2&format=html", "parameter 'format' must be one of JSON, CSV");
        assertBadEvidence("control=A.9.2&from=2026-11-27&to=2026-11-01", "'from' must be before 'to'");
        assertBadEvidence("control=A.9.2&from=2026-12-01", "'from' must be before 'to' (now, when not given)");
        assertBadEvidence("control=A.9.2&from=2025-10-24&to=2026-11-28T00:00:01Z", "longer than 400 days");
        assertBadEvidence("control=A.9.2&from=2026-02-30", "'from' must be an ISO-8601 instant");
        assertBadEvidence("control=A.9.2&to=-1000000000-01-01T00:00:00Z", "'to' is too early");
        assertBadEvidence("control=A.9.2&limit=5", "unknown parameter 'limit'");
    }

    @Property
    void anyEvidenceQueryStringIsParsedOrRejectedWithA400(@ForAll("evidenceQueries") String rawQuery) {
        try {
            EvidenceQuery query = evidence(rawQuery);
            assertThat(Duration.between(query.period().from(), query.period().to()))
                    .isLessThanOrEqualTo(Duration.ofDays(EvidenceQuery.MAX_PERIOD_DAYS));
        } catch (ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isNotBlank();
        }
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

    /** Mostly the route's own parameters, with values near and far from what it accepts. */
    @Provide
    Arbitrary<String> evidenceQueries() {
        Arbitrary<String> name = Arbitraries.of("control", "from", "to", "format", "limit");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("A.9.2", "a.4.2", "A.11", "csv", "JSON", "xml", "2026-11-01", "2025-01-01", "2027-06-30",
                        "2026-11-27T10:00:00Z", "1795860000000", "0", "-1000000000-01-01T00:00:00Z",
                        "+1000000000-12-31T23:59:59Z", "+999999999-12-31"),
                Arbitraries.strings().ofMaxLength(30));
        return Combinators.combine(name, value).as((n, v) -> n + "=" + v).list().ofMaxSize(5)
                .map(pairs -> String.join("&", pairs));
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

    private static EvidenceQuery evidence(String rawQuery) {
        return EvidenceQuery.parse(QueryParameters.parse(rawQuery, EvidenceQuery.PARAMETERS), T0);
    }

    private static void assertBadEvidence(String rawQuery, String message) {
        assertThatThrownBy(() -> evidence(rawQuery)).isInstanceOfSatisfying(ApiException.class, e -> {
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
