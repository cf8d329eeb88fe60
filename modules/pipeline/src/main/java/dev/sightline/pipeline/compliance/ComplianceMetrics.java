package dev.sightline.pipeline.compliance;

import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.AlertStatus;
import dev.sightline.model.DataClass;
import dev.sightline.model.ProxyAction;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import dev.sightline.pipeline.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The compliance meters: what AI is used, by whom, with which data, and whether the telemetry behind those figures
 * is flowing. Labels are bounded (tool ids of the catalog up to a cap, then {@code other}; candidates are one
 * bucket) and never carry a user, a value or a host. The registry is passed in, never the global one.
 *
 * <p>Rolling figures (distinct users, tools seen, sanctioned share) run on event time: the window ends at the
 * newest event time this instance has processed, so a replay of old logs gives the figures of its own period.
 * Meters count processing: after a crash, exactly-once processing may repeat a few records here; the topics stay
 * the exact record. With several instances: sum counters and distinct users (input is keyed by user, so the
 * instances' users are disjoint); take the max of tools seen and last-seen times.
 */
public final class ComplianceMetrics {
    /** Sanctioned vs unsanctioned use, policy hits: ISO/IEC 42001 A.9.2 (processes for responsible use). */
    static final String RESPONSIBLE_USE = "A.9.2";
    /** Sanctioned share of AI use against a target: A.9.3 (objectives for responsible use). */
    static final String RESPONSIBLE_USE_OBJECTIVES = "A.9.3";
    /** Data classes sent to each AI tool: A.4.3 (data resources). */
    static final String DATA_RESOURCES = "A.4.3";
    /** Which AI tools are in use: A.4.2 (documenting resources). */
    static final String RESOURCES = "A.4.2";
    /** Timeliness and coverage of the monitoring itself: A.6.2.6 (operation and monitoring). */
    static final String MONITORING = "A.6.2.6";
    /** The status label of candidate tools (recognised by an AI API signature, not catalogued). */
    static final String CANDIDATE = "candidate";
    static final String UNKNOWN = "unknown";
    /** Statuses whose users are counted: tools nobody approved. */
    private static final Set<SanctionStatus> NOT_SANCTIONED = EnumSet.of(SanctionStatus.UNSANCTIONED,
            SanctionStatus.UNREVIEWED);

    /**
     * @param window          length of the rolling event-time window of the distinct counts and the share
     * @param maxToolLabels   distinct tool ids used as label values before further tools read {@code other}
     * @param maxDistinct     keys each distinct count holds before it forgets the least recent (memory bound)
     * @param expectedSources source products that should report; their last-seen gauge exists (at 0) from the start
     */
    public record Settings(Duration window, int maxToolLabels, int maxDistinct, Set<String> expectedSources) {
        public static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
        /** Above the size of the shipped catalog, so every catalogued tool has its own series. */
        public static final int DEFAULT_MAX_TOOL_LABELS = 1_000;
        /** The user count the benchmark targets (issue 7): about 3 MiB per count when full. */
        public static final int DEFAULT_MAX_DISTINCT = 100_000;

        public Settings {
            Objects.requireNonNull(window, "window");
            if (window.toMillis() < Duration.ofMinutes(1).toMillis()) {
                throw new IllegalArgumentException("window must be at least 1 minute, was " + window);
            }
            if (maxToolLabels < 1 || maxDistinct < 1) {
                throw new IllegalArgumentException("maxToolLabels and maxDistinct must be positive, were "
                        + maxToolLabels + " and " + maxDistinct);
            }
            expectedSources = Set.copyOf(expectedSources);
        }

        /** Defaults, expecting the source products of the configured raw topics. */
        public static Settings from(SightlineConfig config) {
            return new Settings(DEFAULT_WINDOW, DEFAULT_MAX_TOOL_LABELS, DEFAULT_MAX_DISTINCT,
                    SourceProducts.of(config.rawTopics()));
        }
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final BoundedLabels toolLabels;
    /** Source products come from the parsers (a closed set); the bound only guards against a future surprise. */
    private final BoundedLabels sourceLabels = new BoundedLabels(64);
    private final BoundedLabels ruleLabels = new BoundedLabels(64);
    /** Catalog categories are free text of the catalog: bounded like tools. */
    private final BoundedLabels categoryLabels = new BoundedLabels(64);
    private final AtomicLong streamTimeMs = new AtomicLong();
    private final RollingShare sanctionedShare;
    private final Map<SanctionStatus, RollingDistinct> usersByStatus = new EnumMap<>(SanctionStatus.class);
    private final Map<String, RollingDistinct> toolsByStatus = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> sourceLastSeenMs = new ConcurrentHashMap<>();
    private final long windowMs;
    private final int maxDistinct;
    private final String windowLabel;
    /** Meter lookups by tags cost an allocation per record; the hot path reads these caches instead. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> lagTimers = new ConcurrentHashMap<>();

    public ComplianceMetrics(MeterRegistry registry, Settings settings, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.toolLabels = new BoundedLabels(settings.maxToolLabels());
        this.windowMs = settings.window().toMillis();
        this.maxDistinct = settings.maxDistinct();
        this.windowLabel = windowLabel(settings.window());
        this.sanctionedShare = new RollingShare(windowMs);
        Gauge.builder(MetricNames.SANCTIONED_SHARE, () -> sanctionedShare.share(streamTimeMs.get()))
                .description("Share of AI events in the rolling event-time window that went to sanctioned tools")
                .tag(MetricNames.TAG_WINDOW, windowLabel).tag(MetricNames.TAG_CONTROL, RESPONSIBLE_USE_OBJECTIVES)
                .register(registry);
        for (SanctionStatus status : NOT_SANCTIONED) {
            RollingDistinct users = new RollingDistinct(windowMs, maxDistinct);
            usersByStatus.put(status, users);
            Gauge.builder(MetricNames.UNSANCTIONED_USERS, () -> users.count(streamTimeMs.get()))
                    .description("Distinct users of tools that are not sanctioned, in the rolling event-time window")
                    .tag(MetricNames.TAG_SANCTION, label(status)).tag(MetricNames.TAG_WINDOW, windowLabel)
                    .tag(MetricNames.TAG_CONTROL, RESPONSIBLE_USE)
                    .register(registry);
        }
        for (SanctionStatus status : SanctionStatus.values()) {
            toolsSeen(label(status));
        }
        toolsSeen(CANDIDATE);
        settings.expectedSources().forEach(this::lastSeen);
    }

    /** One enriched event: source coverage always; AI-use figures when a tool matched. */
    public void event(AiUsageEvent event) {
        long eventTime = event.getEventTime().toEpochMilli();
        long now = streamTimeMs.accumulateAndGet(eventTime, Math::max);
        lastSeen(event.getSourceProduct()).set(clock.millis());
        ToolMatch tool = event.getTool();
        if (tool == null) {
            return; // not an AI destination: coverage only
        }
        String toolLabel = tool.getCandidate() ? CANDIDATE : toolLabels.label(tool.getToolId());
        SanctionStatus sanction = tool.getSanction();
        counter(MetricNames.AI_EVENTS, "AI events, by tool, category, sanction status and source", RESPONSIBLE_USE,
                MetricNames.TAG_TOOL, toolLabel,
                MetricNames.TAG_CATEGORY, tool.getCandidate() ? CANDIDATE : categoryLabels.label(orUnknown(tool.getCategory())),
                MetricNames.TAG_SANCTION, label(sanction),
                MetricNames.TAG_SOURCE, sourceLabels.label(event.getSourceProduct())).increment();
        sanctionedShare.record(eventTime, sanction == SanctionStatus.SANCTIONED, now);
        toolsSeen(tool.getCandidate() ? CANDIDATE : label(sanction)).record(tool.getToolId(), eventTime);
        RollingDistinct users = usersByStatus.get(sanction);
        if (users != null && event.getUser() != null) {
            users.record(event.getUser(), eventTime);
        }
        if (event.getProxyAction() != ProxyAction.BLOCKED && !event.getDataClasses().isEmpty()) {
            for (DataClass dataClass : EnumSet.copyOf(event.getDataClasses())) {
                counter(MetricNames.SENSITIVE_EGRESS, "AI events that carried sensitive data out, by data class and tool",
                        DATA_RESOURCES, MetricNames.TAG_DATA_CLASS, dataClass.name(), MetricNames.TAG_TOOL, toolLabel)
                        .increment();
            }
        }
    }

    /** One alert record: the lag from its newest evidence's event time to its creation. Closed alerts are skipped. */
    public void alert(Alert alert) {
        if (alert.getStatus() == AlertStatus.CLOSED) {
            return;
        }
        long lagMs = Math.max(0, alert.getCreatedAt().toEpochMilli() - alert.getLastSeen().toEpochMilli());
        lagTimers.computeIfAbsent(ruleLabels.label(alert.getRuleId()), rule -> Timer.builder(MetricNames.ALERT_LAG)
                        .description("Event time of an alert's newest evidence to the alert's creation, by rule")
                        .tag(MetricNames.TAG_RULE, rule).tag(MetricNames.TAG_CONTROL, MONITORING)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(10))
                        .maximumExpectedValue(Duration.ofDays(1))
                        .register(registry))
                .record(Duration.ofMillis(lagMs));
    }

    private RollingDistinct toolsSeen(String status) {
        return toolsByStatus.computeIfAbsent(status, s -> {
            RollingDistinct tools = new RollingDistinct(windowMs, maxDistinct);
            Gauge.builder(MetricNames.TOOLS_SEEN, () -> tools.count(streamTimeMs.get()))
                    .description("Distinct AI tools used in the rolling event-time window, by status")
                    .tag(MetricNames.TAG_STATUS, s).tag(MetricNames.TAG_WINDOW, windowLabel)
                    .tag(MetricNames.TAG_CONTROL, RESOURCES)
                    .register(registry);
            return tools;
        });
    }

    private AtomicLong lastSeen(String sourceProduct) {
        return sourceLastSeenMs.computeIfAbsent(sourceLabels.label(sourceProduct), source -> {
            AtomicLong millis = new AtomicLong();
            Gauge.builder(MetricNames.SOURCE_LAST_SEEN, () -> millis.get() / 1000.0)
                    .description("When this instance last processed an event of the source (epoch seconds, 0 = never):"
                            + " no telemetry is not the same as no AI use")
                    .baseUnit("seconds")
                    .tag(MetricNames.TAG_SOURCE, source).tag(MetricNames.TAG_CONTROL, MONITORING)
                    .register(registry);
            return millis;
        });
    }

    private Counter counter(String name, String description, String control, String... tags) {
        return counters.computeIfAbsent(name + '|' + String.join("|", tags), key -> Counter.builder(name)
                .description(description)
                .tags(tags)
                .tag(MetricNames.TAG_CONTROL, control)
                .register(registry));
    }

    static String label(SanctionStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    /** {@code 24h}, {@code 90m} or {@code 45s}: the shortest exact form. */
    static String windowLabel(Duration window) {
        if (window.toMinutesPart() == 0 && window.toSecondsPart() == 0) {
            return window.toHours() + "h";
        }
        return window.toSecondsPart() == 0 ? window.toMinutes() + "m" : window.toSeconds() + "s";
    }
}
