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

    // Compliance (events.ai-usage.enriched and alerts, read by compliance.ComplianceMetricsTopology)
    /** AI events (a tool matched), by tool (bounded: catalog id, "candidate" or "other"), category, sanction, source. */
    public static final String AI_EVENTS = "sightline.ai.events";
    /** Distinct users of tools that are not sanctioned, by sanction status, in the rolling event-time window. */
    public static final String UNSANCTIONED_USERS = "sightline.ai.unsanctioned.users";
    /** AI events that carried a data class out (not blocked), by data class and tool. */
    public static final String SENSITIVE_EGRESS = "sightline.sensitive.egress";
    /** Distinct AI tools used, by status (sanction status, or "candidate"), in the rolling event-time window. */
    public static final String TOOLS_SEEN = "sightline.ai.tools.seen";
    /** Share (0..1) of AI events in the rolling event-time window that went to sanctioned tools; NaN without AI events. */
    public static final String SANCTIONED_SHARE = "sightline.ai.sanctioned.share";
    /** From the event time of an alert's newest evidence to the alert's creation, by rule (histogram). */
    public static final String ALERT_LAG = "sightline.alert.lag";
    /** Wall-clock time (epoch seconds) an event of a source product was last processed; 0 = never. */
    public static final String SOURCE_LAST_SEEN = "sightline.source.last.seen.timestamp";

    // Governance (events.ai-usage.enriched -> audit.ai-data-access, ai.inventory, lineage.edges)
    /** Hash-chained audit records written to audit.ai-data-access, by outcome (allowed, blocked, alerted). */
    public static final String AUDIT_RECORDS = "sightline.audit.records";
    /** Inventory entries written to ai.inventory (rate-limited updates). */
    public static final String INVENTORY_UPDATES = "sightline.inventory.updates";
    /** Lineage edges written to lineage.edges (rate-limited updates). */
    public static final String LINEAGE_UPDATES = "sightline.lineage.updates";
    /** Members not counted because a distinct count reached its cap (the count is then a lower bound), by aggregate. */
    public static final String DISTINCT_CAPPED = "sightline.governance.distinct.capped";

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
    public static final String TAG_TOOL = "tool";
    public static final String TAG_CATEGORY = "category";
    public static final String TAG_SANCTION = "sanction";
    /** Length of a rolling window, e.g. {@code 24h}. */
    public static final String TAG_WINDOW = "window";
    /** Governance aggregate (inventory, lineage). */
    public static final String TAG_AGGREGATE = "aggregate";
    /** ISO/IEC 42001 Annex A control a metric is evidence for. */
    public static final String TAG_CONTROL = "control";

    private MetricNames() {
    }
}
