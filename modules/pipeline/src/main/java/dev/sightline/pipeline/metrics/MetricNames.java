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

    // Enrichment (events.ai-usage -> events.ai-usage.enriched)
    /** Events enriched, by tool match outcome (catalogued, candidate, none). */
    public static final String EVENTS_ENRICHED = "sightline.events.enriched";
    /** Events whose user is in no identity of ref.identities. */
    public static final String UNKNOWN_USERS = "sightline.enrich.unknown.users";
    /** Sensitive values found in content, by finding type and data class. */
    public static final String FINDINGS = "sightline.findings";

    // Detection (events.ai-usage.enriched -> alerts)
    /** Alert records written, by rule, severity and status (NEW, UPDATED). */
    public static final String ALERTS = "sightline.alerts";
    /** Rule evaluations that failed with an exception, by rule. */
    public static final String RULE_FAILURES = "sightline.detect.rule.failures";

    /** Alert records rendered to alerts.ocsf / alerts.ecs / alerts.cef, by format. */
    public static final String SIEM_RECORDS = "sightline.siem.records";

    public static final String TAG_FORMAT = "format";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_REASON = "reason";
    public static final String TAG_SOURCE = "source";
    public static final String TAG_VERSION = "version";
    public static final String TAG_JAVA = "java";
    public static final String TAG_KAFKA = "kafka";
    public static final String TAG_TOOL_MATCH = "tool_match";
    public static final String TAG_FINDING_TYPE = "type";
    public static final String TAG_DATA_CLASS = "data_class";
    public static final String TAG_RULE = "rule";
    public static final String TAG_SEVERITY = "severity";
    public static final String TAG_STATUS = "status";
    /** ISO/IEC 42001 Annex A control a metric is evidence for. */
    public static final String TAG_CONTROL = "control";

    private MetricNames() {
    }
}
