package dev.sightline.pipeline.governance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.kafka.common.utils.Bytes;

/** The index key sorts by user, then event time, then record id, and the range bounds enclose exactly a user's span. */
class AuditIndexTest {

    @Property
    void keysRoundTripAndSortByTimeWithinAUser(@ForAll String user, @ForAll long t1, @ForAll long t2,
                                               @ForAll String id1, @ForAll String id2) {
        Bytes k1 = AuditIndex.key(user, t1, id1);
        Bytes k2 = AuditIndex.key(user, t2, id2);
        assertThat(AuditIndex.eventTimeMillis(k1)).isEqualTo(t1);
        assertThat(AuditIndex.recordId(k2)).isEqualTo(new String(id2.getBytes(UTF_8),
                UTF_8));
        if (t1 != t2) {
            assertThat(Integer.signum(k1.compareTo(k2))).isEqualTo(Long.signum(Long.compare(t1, t2)));
        }
    }

    @Property
    void boundsEncloseTheUsersKeysInTheTimeRangeOnly(@ForAll String user, @ForAll String other, @ForAll long time,
                                                     @ForAll String id) {
        Bytes key = AuditIndex.key(user, time, id);
        assertThat(key.compareTo(AuditIndex.lowerBound(user, time))).isGreaterThanOrEqualTo(0);
        assertThat(key.compareTo(AuditIndex.upperBound(user, time))).isLessThan(0);
        if (time < Long.MAX_VALUE) {
            assertThat(AuditIndex.lowerBound(user, time + 1).compareTo(key)).isGreaterThan(0);
        }
        if (!Arrays.equals(user.getBytes(UTF_8),
                other.getBytes(UTF_8))) {
            boolean inside = key.compareTo(AuditIndex.lowerBound(other, Long.MIN_VALUE)) >= 0
                    && key.compareTo(AuditIndex.upperBound(other, Long.MAX_VALUE)) < 0;
            assertThat(inside).as("another user's range").isFalse();
        }
    }
}
