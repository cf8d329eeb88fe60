package dev.sightline.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.ingest.RejectReason;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    private static final Instant RECEIVED = Samples.RECEIVED_AT;

    @Test
    void epochSecondsKeepMillisecondsAndTruncateFinerFractions() throws RecordException {
        assertThat(Timestamps.epochSeconds("1749712109.520312", "t", RECEIVED))
                .isEqualTo(Instant.parse("2025-06-12T07:08:29.520Z"));
        assertThat(Timestamps.epochSeconds("1.749712109E9", "t", RECEIVED))
                .isEqualTo(Instant.parse("2025-06-12T07:08:29Z"));
    }

    @Test
    void hugeOrTinyExponentsAreRejectedCheaply() {
        for (String hostile : new String[] {"1e999999999", "-1e999999999", "1e-999999999", "NaN", ""}) {
            assertThatThrownBy(() -> Timestamps.epochSeconds(hostile, "created_at", RECEIVED))
                    .isInstanceOfSatisfying(RecordException.class, e -> {
                        assertThat(e.reasonCode()).isEqualTo(RejectReason.BAD_TIMESTAMP);
                        assertThat(e.getMessage()).contains("created_at");
                    });
        }
    }

    @Test
    void isoWithoutOffsetIsReadInTheGivenZoneAndWithOffsetAsWritten() throws RecordException {
        assertThat(Timestamps.iso("2025-06-10T14:22:31", "t", ZoneOffset.UTC, RECEIVED))
                .isEqualTo(Instant.parse("2025-06-10T14:22:31Z"));
        assertThat(Timestamps.iso("2025-06-10T16:22:31+02:00", "t", ZoneId.of("America/New_York"), RECEIVED))
                .isEqualTo(Instant.parse("2025-06-10T14:22:31Z"));
    }

    @Test
    void timesOutsideTheWindowAreRejected() {
        assertThatThrownBy(() -> Timestamps.iso("1999-12-31T23:59:59Z", "t", ZoneOffset.UTC, RECEIVED))
                .isInstanceOf(RecordException.class);
        assertThatThrownBy(() -> Timestamps.iso("2025-07-02T12:00:01Z", "t", ZoneOffset.UTC, RECEIVED))
                .isInstanceOf(RecordException.class);
    }
}
