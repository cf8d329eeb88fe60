package dev.sightline.pipeline.compliance;

import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Alert;
import dev.sightline.model.Topic;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * events.ai-usage.enriched and alerts -> {@link ComplianceMetrics}: a terminal, stateless stage that only observes
 * (no output topic, no store). Kafka Streams lets one application read a topic through one source only, so inside
 * the application's single topology the stage {@link #tap taps} the streams the detection and SIEM stages already
 * read; {@link #build} gives it sources of its own for a topology without them (tests, a separate metrics app).
 */
public final class ComplianceMetricsTopology {
    public static final String EVENTS_SOURCE = "compliance-enriched-source";
    public static final String EVENTS_METRICS = "compliance-events-metrics";
    public static final String ALERTS_SOURCE = "compliance-alerts-source";
    public static final String ALERTS_METRICS = "compliance-alerts-metrics";

    public record Settings(String enrichedTopic, String alertsTopic) {
        public Settings {
            Objects.requireNonNull(enrichedTopic, "enrichedTopic");
            Objects.requireNonNull(alertsTopic, "alertsTopic");
        }

        public static Settings from(SightlineConfig config) {
            return new Settings(config.topicName(Topic.AI_USAGE_ENRICHED), config.topicName(Topic.ALERTS));
        }
    }

    private final Settings settings;
    private final Serde<AiUsageEvent> eventSerde;
    private final Serde<Alert> alertSerde;
    private final ComplianceMetrics metrics;

    public ComplianceMetricsTopology(Settings settings, Serde<AiUsageEvent> eventSerde, Serde<Alert> alertSerde,
                                     ComplianceMetrics metrics) {
        this.settings = settings;
        this.eventSerde = eventSerde;
        this.alertSerde = alertSerde;
        this.metrics = metrics;
    }

    /** Reads both topics through sources of its own: only for a topology where no other stage reads them. */
    public void build(StreamsBuilder builder) {
        tap(builder.stream(settings.enrichedTopic(), Consumed.with(Serdes.String(), eventSerde).withName(EVENTS_SOURCE)),
                builder.stream(settings.alertsTopic(), Consumed.with(Serdes.String(), alertSerde).withName(ALERTS_SOURCE)));
    }

    /** Observes streams another stage created from events.ai-usage.enriched and alerts; tombstones are skipped. */
    public void tap(KStream<String, AiUsageEvent> enriched, KStream<String, Alert> alerts) {
        enriched.foreach((user, event) -> {
            if (event != null) {
                metrics.event(event);
            }
        }, Named.as(EVENTS_METRICS));
        alerts.foreach((alertId, alert) -> {
            if (alert != null) {
                metrics.alert(alert);
            }
        }, Named.as(ALERTS_METRICS));
    }
}
