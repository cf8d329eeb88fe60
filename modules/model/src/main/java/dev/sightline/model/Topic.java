package dev.sightline.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every Kafka topic Sightline reads or writes: the one place topic names are written.
 * Names are contracts (ARCHITECTURE.md); a deployment may put a prefix in front of all of them.
 */
public enum Topic {
    RAW_PROXY_SQUID("raw.proxy.squid", Kind.RAW, "squid", byte[].class),
    RAW_PROXY_ZSCALER("raw.proxy.zscaler", Kind.RAW, "zscaler", byte[].class),
    RAW_PROXY_NETSKOPE("raw.proxy.netskope", Kind.RAW, "netskope", byte[].class),
    RAW_PROXY_ECS("raw.proxy.ecs", Kind.RAW, "ecs", byte[].class),
    RAW_SAAS_M365("raw.saas.m365", Kind.RAW, "m365-audit", byte[].class),
    RAW_SAAS_OPENAI_COMPLIANCE("raw.saas.openai-compliance", Kind.RAW, "chatgpt-compliance", byte[].class),
    RAW_SAAS_GEMINI("raw.saas.gemini", Kind.RAW, "gemini-audit", byte[].class),

    DEAD_LETTER("errors.dead-letter", Kind.EVENTS, null, DeadLetter.class),
    AI_USAGE("events.ai-usage", Kind.EVENTS, null, AiUsageEvent.class),
    AI_USAGE_ENRICHED("events.ai-usage.enriched", Kind.EVENTS, null, AiUsageEvent.class),

    REF_AI_TOOLS("ref.ai-tools", Kind.TABLE, null, AiTool.class),
    REF_IDENTITIES("ref.identities", Kind.TABLE, null, Identity.class),
    REF_DATA_ASSETS("ref.data-assets", Kind.TABLE, null, DataAsset.class),
    REF_POLICIES("ref.policies", Kind.TABLE, null, Policy.class),

    ALERTS("alerts", Kind.EVENTS, null, Alert.class),
    ALERTS_OCSF("alerts.ocsf", Kind.EVENTS, null, String.class),
    ALERTS_ECS("alerts.ecs", Kind.EVENTS, null, String.class),
    ALERTS_CEF("alerts.cef", Kind.EVENTS, null, String.class),
    AUDIT("audit.ai-data-access", Kind.EVENTS, null, AuditRecord.class),
    INVENTORY("ai.inventory", Kind.TABLE, null, InventoryEntry.class),
    LINEAGE("lineage.edges", Kind.TABLE, null, LineageEdge.class);

    /** How a topic is kept. */
    public enum Kind {
        /** Log lines and JSON records as shipped; bytes. */
        RAW,
        /** Append-only stream of facts; retention by time. */
        EVENTS,
        /** Latest value per key matters; log-compacted. */
        TABLE
    }

    private final String baseName;
    private final Kind kind;
    private final String defaultFormat;
    private final Class<?> valueType;

    Topic(String baseName, Kind kind, String defaultFormat, Class<?> valueType) {
        this.baseName = baseName;
        this.kind = kind;
        this.defaultFormat = defaultFormat;
        this.valueType = valueType;
    }

    /** The contract name, without any deployment prefix. */
    public String baseName() {
        return baseName;
    }

    /** The name on the cluster: {@code prefix + baseName}. */
    public String name(String prefix) {
        return prefix == null ? baseName : prefix + baseName;
    }

    public Kind kind() {
        return kind;
    }

    public boolean compacted() {
        return kind == Kind.TABLE;
    }

    /** For raw topics, the input format the topic carries unless configured otherwise. */
    public Optional<String> defaultFormat() {
        return Optional.ofNullable(defaultFormat);
    }

    /**
     * The Java type of the record value: the generated Avro class for Avro topics, {@code byte[]} for raw
     * topics (bytes as shipped), {@code String} for the SIEM renderings (JSON or CEF text).
     */
    public Class<?> valueType() {
        return valueType;
    }

    public static List<Topic> raw() {
        return Arrays.stream(values()).filter(t -> t.kind == Kind.RAW).toList();
    }

    /** Finds a topic by its contract name (case-insensitive), ignoring the given prefix. */
    public static Optional<Topic> byName(String prefix, String name) {
        String base = prefix != null && !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        String wanted = base.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.baseName.equals(wanted)).findFirst();
    }
}
