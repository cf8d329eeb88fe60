package dev.sightline.ingest;

/** Stable, machine-readable reasons for rejected input (the DeadLetter's reasonCode). */
public enum RejectReason {
    /** Not the expected syntax: wrong number of fields, not JSON, unbalanced quotes. */
    MALFORMED,
    /** A required field is absent or empty. */
    MISSING_FIELD,
    /** A field is present but its value cannot be read (not a number, not an address, ...). */
    BAD_VALUE,
    /** The timestamp cannot be read or lies outside the accepted window. */
    BAD_TIMESTAMP,
    /** Bytes that are not valid UTF-8 where text is required. */
    BAD_ENCODING,
    /** The record exceeds the configured size limit. */
    TOO_LARGE,
    /** A JSON record of a type this parser does not handle (e.g. an unrelated audit operation). */
    UNSUPPORTED_RECORD
}
