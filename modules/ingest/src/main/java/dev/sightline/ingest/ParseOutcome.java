package dev.sightline.ingest;

import dev.sightline.model.AiUsageEvent;
import java.util.Objects;

/**
 * What became of one record, or of one element of a multi-record message: an event, a rejection
 * (bound for errors.dead-letter) or a documented skip of a line that is not a transaction.
 */
public sealed interface ParseOutcome {

    /** A normalized event. */
    record Parsed(AiUsageEvent event) implements ParseOutcome {
        public Parsed {
            Objects.requireNonNull(event, "event");
        }

        /** Only the id: the event holds user names, addresses and possibly prompt text. */
        @Override
        public String toString() {
            return "Parsed[" + event.getEventId() + "]";
        }
    }

    /**
     * Input that cannot be read. The reason names the field or position that is wrong and never quotes a raw
     * value (it may be sensitive).
     *
     * @param reasonCode stable code for metrics, see {@link RejectReason}
     * @param index      position of the element in a multi-record message, or null for a single record
     */
    record Rejected(RejectReason reasonCode, String reason, Integer index) implements ParseOutcome {
        public Rejected {
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(reason, "reason");
        }

        public static Rejected of(RejectReason code, String reason) {
            return new Rejected(code, reason, null);
        }
    }

    /**
     * A well-formed record that is not user activity (a Squid {@code error:} line, a 407 challenge), dropped by the
     * named, documented rule and counted, never mistaken for activity.
     */
    record Skipped(String rule, String reason) implements ParseOutcome {
        public Skipped {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
