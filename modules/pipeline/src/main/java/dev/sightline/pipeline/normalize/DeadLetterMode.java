package dev.sightline.pipeline.normalize;

/** What a dead letter keeps of the rejected record. */
public enum DeadLetterMode {
    /** The raw bytes, so the record can be repaired and replayed; restrict who reads the topic. */
    KEEP,
    /** Only the SHA-256 and length of the raw bytes, for sites where the raw record must not be copied. */
    HASH
}
