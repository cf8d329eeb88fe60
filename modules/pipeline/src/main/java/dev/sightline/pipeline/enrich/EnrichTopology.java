package dev.sightline.pipeline.enrich;

import dev.sightline.classify.ContentScanner;
import dev.sightline.classify.ScannerConfig;
import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.DataAsset;
import dev.sightline.model.Identity;
import dev.sightline.pipeline.metrics.EnrichMetrics;
import dev.sightline.pipeline.reference.DecodedTable;
import dev.sightline.pipeline.reference.ReferenceStores;
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * events.ai-usage -> events.ai-usage.enriched (keyed by user, unchanged), with ref.ai-tools, ref.identities and
 * ref.data-assets as global stores.
 *
 * <p>Semantics of reference data: an event is enriched with the reference data known when it is processed. Data
 * that arrives later affects later events only; events already written are not revised. A change (or a tombstone,
 * which deletes) takes effect for the next event, without a restart.
 *
 * <p>Every processor, source, sink and store is named: the names are part of the application's state layout.
 */
public final class EnrichTopology {
    public static final String EVENTS_SOURCE = "enrich-events-source";
    public static final String ENRICH = "enrich-events";
    public static final String ENRICHED_SINK = "enrich-enriched-sink";
    public static final String TOOLS_STORE = "ref-ai-tools-store";
    public static final String IDENTITIES_STORE = "ref-identities-store";
    public static final String ASSETS_STORE = "ref-data-assets-store";
    public static final String TOOLS_SOURCE = "ref-ai-tools-source";
    public static final String IDENTITIES_SOURCE = "ref-identities-source";
    public static final String ASSETS_SOURCE = "ref-data-assets-source";

    /**
     * @param eventsTopic     full name of events.ai-usage
     * @param enrichedTopic   full name of events.ai-usage.enriched
     * @param toolsTopic      full name of ref.ai-tools
     * @param identitiesTopic full name of ref.identities
     * @param assetsTopic     full name of ref.data-assets
     * @param scanner         content scanner set-up (HMAC key, byte limit); see {@link ScannerSettings}
     */
    public record Settings(String eventsTopic, String enrichedTopic, String toolsTopic, String identitiesTopic,
                           String assetsTopic, ScannerConfig scanner) {
        public Settings {
            Objects.requireNonNull(eventsTopic, "eventsTopic");
            Objects.requireNonNull(enrichedTopic, "enrichedTopic");
            Objects.requireNonNull(toolsTopic, "toolsTopic");
            Objects.requireNonNull(identitiesTopic, "identitiesTopic");
            Objects.requireNonNull(assetsTopic, "assetsTopic");
            Objects.requireNonNull(scanner, "scanner");
        }
    }

    /** The three reference tables, shared by the global-store processors (writers) and the enrich processors. */
    record ReferenceData(ReferenceTable<AiTool, ToolDirectory> tools,
                         ReferenceTable<Identity, IdentityDirectory> identities,
                         ReferenceTable<DataAsset, AssetDirectory> assets) {
        ReferenceData() {
            this(new ReferenceTable<>(ToolDirectory::new), new ReferenceTable<>(IdentityDirectory::new),
                    new ReferenceTable<>(AssetDirectory::new));
        }
    }

    private final Settings settings;
    private final Serde<AiUsageEvent> eventSerde;
    private final Serde<AiTool> toolSerde;
    private final Serde<Identity> identitySerde;
    private final Serde<DataAsset> assetSerde;
    private final EnrichMetrics metrics;
    private final ReferenceData reference = new ReferenceData();

    /** @param clock not read today — enrichment depends on no wall-clock time — taken so that every stage is built alike */
    public EnrichTopology(Settings settings, Serde<AiUsageEvent> eventSerde, Serde<AiTool> toolSerde,
                          Serde<Identity> identitySerde, Serde<DataAsset> assetSerde, EnrichMetrics metrics, Clock clock) {
        this.settings = settings;
        this.eventSerde = eventSerde;
        this.toolSerde = toolSerde;
        this.identitySerde = identitySerde;
        this.assetSerde = assetSerde;
        this.metrics = metrics;
    }

    /** Reads events.ai-usage through a source of its own: for a topology where normalize runs elsewhere. */
    public void build(StreamsBuilder builder) {
        build(builder, builder.stream(settings.eventsTopic(),
                Consumed.with(Serdes.String(), eventSerde).withName(EVENTS_SOURCE)));
    }

    /** @param events normalized events keyed by user, e.g. straight from {@code NormalizeTopology} in the same task */
    public void build(StreamsBuilder builder, KStream<String, AiUsageEvent> events) {
        ReferenceStores.register(builder, settings.toolsTopic(), TOOLS_SOURCE, TOOLS_STORE, toolSerde, reference.tools());
        ReferenceStores.register(builder, settings.identitiesTopic(), IDENTITIES_SOURCE, IDENTITIES_STORE, identitySerde,
                reference.identities());
        ReferenceStores.register(builder, settings.assetsTopic(), ASSETS_SOURCE, ASSETS_STORE, assetSerde, reference.assets());

        // One scanner for all tasks: it is thread-safe and its automaton is costly to build.
        ContentInspector inspector = new ContentInspector(new ContentScanner(settings.scanner()));
        events.processValues(() -> new EnrichProcessor(reference, inspector, metrics), Named.as(ENRICH))
                .to(settings.enrichedTopic(), Produced.with(Serdes.String(), eventSerde).withName(ENRICHED_SINK));
    }

    /** The catalog as the global store {@value #TOOLS_STORE} holds it, for later stages that read it per event. */
    public DecodedTable<AiTool> catalog() {
        return reference.tools().decoded();
    }
}
