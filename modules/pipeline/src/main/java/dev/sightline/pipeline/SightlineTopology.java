package dev.sightline.pipeline;

import dev.sightline.classify.ScannerConfig;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.RawTopic;
import dev.sightline.detect.siem.SiemProduct;
import dev.sightline.config.SightlineConfig;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.Parsers;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.AiTool;
import dev.sightline.model.AuditRecord;
import dev.sightline.model.InventoryEntry;
import dev.sightline.model.LineageEdge;
import dev.sightline.model.Alert;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.model.Policy;
import dev.sightline.model.DeadLetter;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.compliance.ComplianceMetrics;
import dev.sightline.pipeline.compliance.ComplianceMetricsTopology;
import dev.sightline.pipeline.detect.DetectTopology;
import dev.sightline.pipeline.enrich.EnrichTopology;
import dev.sightline.pipeline.enrich.ScannerSettings;
import dev.sightline.pipeline.governance.GovernanceTopology;
import dev.sightline.pipeline.metrics.DetectMetrics;
import dev.sightline.pipeline.metrics.EnrichMetrics;
import dev.sightline.pipeline.metrics.GovernanceMetrics;
import dev.sightline.pipeline.metrics.IngestMetrics;
import dev.sightline.pipeline.metrics.SiemMetrics;
import dev.sightline.pipeline.normalize.NormalizeTopology;
import dev.sightline.pipeline.reference.RuleReferences;
import dev.sightline.pipeline.siem.SiemTopology;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;

/**
 * The whole stream application as one topology: the one {@code build} that {@code run}, {@code demo} and the tests
 * all call. Each stage is a class of its own with named processors; this class only connects them.
 */
public final class SightlineTopology {
    public static final String ENRICHED_SOURCE = "enriched-source";

    private SightlineTopology() {
    }

    /**
     * @param scanner the content scanner's settings; see {@link ScannerSettings#from} for where its key comes from
     */
    public static Topology build(SightlineConfig config, SchemaRegistryClient registry, MeterRegistry meters,
                                 Clock clock, ScannerConfig scanner) {
        StreamsBuilder builder = new StreamsBuilder();
        Serde<AiUsageEvent> events = SightlineAvroSerde.forValue(AiUsageEvent.class, registry);
        Serde<AiTool> tools = SightlineAvroSerde.forValue(AiTool.class, registry);
        Serde<Alert> alerts = SightlineAvroSerde.forValue(Alert.class, registry);
        // normalize and enrich share a task: an event is enriched where it was parsed, not read back from its topic.
        // Enrich changes the event object in place; the events sink, attached first, has serialized it by then.
        KStream<String, AiUsageEvent> normalized = new NormalizeTopology(normalizeSettings(config), events,
                SightlineAvroSerde.forValue(DeadLetter.class, registry),
                new IngestMetrics(meters), clock)
                .build(builder);
        EnrichTopology enrich = new EnrichTopology(new EnrichTopology.Settings(config.topicName(Topic.AI_USAGE),
                config.topicName(Topic.AI_USAGE_ENRICHED), config.topicName(Topic.REF_AI_TOOLS),
                config.topicName(Topic.REF_IDENTITIES), config.topicName(Topic.REF_DATA_ASSETS), scanner),
                events, tools,
                SightlineAvroSerde.forValue(Identity.class, registry),
                SightlineAvroSerde.forValue(DataAsset.class, registry),
                new EnrichMetrics(meters), clock);
        enrich.build(builder, normalized);
        // detection, governance and compliance metrics read the enriched topic, keyed by user, through one source
        KStream<String, AiUsageEvent> enriched = builder.stream(config.topicName(Topic.AI_USAGE_ENRICHED),
                Consumed.with(Serdes.String(), events).withName(ENRICHED_SOURCE));
        KStream<String, AiUsageEvent> byTool = ToolUses.byTool(enriched, events);
        // Kafka Streams allows one global store per topic: detection reads enrichment's catalog
        RuleReferences references = new DetectTopology(new DetectTopology.Settings(
                config.topicName(Topic.AI_USAGE_ENRICHED), config.topicName(Topic.ALERTS),
                config.topicName(Topic.REF_POLICIES), config.topicName(Topic.REF_AI_TOOLS),
                config.get(ConfigKeys.POLICY_ID).orElseThrow(), DetectTopology.Settings.DEFAULT_UPDATE_INTERVAL),
                events, alerts, SightlineAvroSerde.forValue(Policy.class, registry), tools, new DetectMetrics(meters), clock)
                .build(builder, enriched, byTool, enrich.catalog());
        new SiemTopology(SiemTopology.Settings.from(config, SiemProduct.sightline(BuildInfo.version())), alerts,
                new SiemMetrics(meters))
                .build(builder);
        new GovernanceTopology(new GovernanceTopology.Settings(config.topicName(Topic.AUDIT),
                config.topicName(Topic.INVENTORY), config.topicName(Topic.LINEAGE),
                GovernanceTopology.Settings.DEFAULT_EMIT_INTERVAL,
                Duration.ofDays(config.get(ConfigKeys.AUDIT_QUERY_RETENTION_DAYS).orElseThrow())),
                events, SightlineAvroSerde.forValue(AuditRecord.class, registry),
                SightlineAvroSerde.forValue(InventoryEntry.class, registry),
                SightlineAvroSerde.forValue(LineageEdge.class, registry), new GovernanceMetrics(meters), clock)
                .build(builder, enriched, byTool, references);
        new ComplianceMetricsTopology(ComplianceMetricsTopology.Settings.from(config), events, alerts,
                new ComplianceMetrics(meters, ComplianceMetrics.Settings.from(config), clock))
                .build(builder);
        Properties props = new Properties();
        props.putAll(StreamsApplication.streamsProperties(config));
        return builder.build(props);
    }

    /**
     * The topics {@link #build} consumes besides its internal (repartition) and reference (global) ones: the raw
     * topics, the enriched events and the alerts. Whoever waits for the application to catch up watches these.
     */
    public static List<String> sourceTopics(SightlineConfig config) {
        List<String> topics = new ArrayList<>();
        config.rawTopics().forEach(raw -> topics.add(config.topicPrefix() + raw.topic()));
        topics.add(config.topicName(Topic.AI_USAGE_ENRICHED));
        topics.add(config.topicName(Topic.ALERTS));
        return List.copyOf(topics);
    }

    /** The normalize stage as the configuration describes it: a parser per raw topic, with the site's options. */
    public static NormalizeTopology.Settings normalizeSettings(SightlineConfig config) {
        Map<String, RecordParser> parsers = new LinkedHashMap<>();
        ParserOptions site = ParserOptions.defaults()
                .withDomainSuffixes(config.get(ConfigKeys.INGEST_DOMAIN_SUFFIXES).orElseThrow());
        for (RawTopic raw : config.rawTopics()) {
            ParserOptions options = raw.logformat().map(site::withLogformat).orElse(site)
                    .withKeyMapping(config.get(ConfigKeys.INGEST_KEYMAPS.key(raw.topic())).orElse(Map.of()));
            parsers.put(config.topicPrefix() + raw.topic(), Parsers.create(raw.format().configName(), options));
        }
        return new NormalizeTopology.Settings(parsers, config.topicName(Topic.AI_USAGE),
                config.topicName(Topic.DEAD_LETTER), config.deadLetterRawMode());
    }
}
