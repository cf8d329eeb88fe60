package dev.sightline.pipeline.metrics;

/**
 * Every Sightline metric name and tag key, in one place. Names are Micrometer's dotted form; the Prometheus
 * registry renders {@code sightline.ingest.records} as {@code sightline_ingest_records_total}.
 */
public final class MetricNames {
    /** Raw records by format and outcome (parsed, rejected, skipped). */
    public static final String INGEST_RECORDS = "sightline.ingest.records";
    /** Records written to errors.dead-letter, by format and reason code. */
    public static final String DEAD_LETTERS = "sightline.dead.letters";
    /** Normalized events written, by source product. */
    public static final String EVENTS_NORMALIZED = "sightline.events.normalized";
    /** Build and version of the running Sightline, value always 1. */
    public static final String BUILD_INFO = "sightline.build.info";

    public static final String TAG_FORMAT = "format";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_REASON = "reason";
    public static final String TAG_SOURCE = "source";
    public static final String TAG_VERSION = "version";
    public static final String TAG_JAVA = "java";
    public static final String TAG_KAFKA = "kafka";
    /** ISO/IEC 42001 Annex A control a metric is evidence for. */
    public static final String TAG_CONTROL = "control";

    private MetricNames() {
    }
}
