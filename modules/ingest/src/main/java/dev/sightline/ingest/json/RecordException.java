package dev.sightline.ingest.json;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.RejectReason;
import java.util.Objects;

/**
 * Why one record or element cannot be read. Thrown inside a parser and turned into a {@link ParseOutcome.Rejected}
 * at the element boundary, so no caller ever sees it. The message names the field, never its value.
 */
public final class RecordException extends Exception {
    private final RejectReason reasonCode;

    public RecordException(RejectReason reasonCode, String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
    }

    public static RecordException missing(String field) {
        return new RecordException(RejectReason.MISSING_FIELD, "required field '" + field + "' is absent or empty");
    }

    public static RecordException badValue(String field, String expected) {
        return new RecordException(RejectReason.BAD_VALUE, "field '" + field + "' is not " + expected);
    }

    public RejectReason reasonCode() {
        return reasonCode;
    }

    public ParseOutcome.Rejected toRejected(Integer index) {
        return new ParseOutcome.Rejected(reasonCode, getMessage(), index);
    }
}
