package dev.sightline.pipeline.siem;

import dev.sightline.config.SightlineConfig;
import dev.sightline.detect.siem.SiemProduct;
import dev.sightline.model.Alert;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.metrics.SiemMetrics;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * alerts -> alerts.ocsf, alerts.ecs, alerts.cef: each alert record rendered for SIEMs as a String keyed by alert id,
 * each output switchable in config. Stateless; every processor and sink is named.
 */
public final class SiemTopology {
    public static final String SOURCE = "siem-alerts-source";
    public static final String SKIP_TOMBSTONES = "siem-skip-tombstones";

    /** Processor that renders one format, e.g. {@code siem-render-ocsf}. */
    public static String renderName(SiemFormat format) {
        return "siem-render-" + format.id();
    }

    /** Sink of one format, e.g. {@code siem-ocsf-sink}. */
    public static String sinkName(SiemFormat format) {
        return "siem-" + format.id() + "-sink";
    }

    /**
     * @param alertsTopic full name of alerts
     * @param outputs     full output topic name per enabled format; a format not named is switched off
     * @param product     name, vendor and version the outputs report
     */
    public record Settings(String alertsTopic, Map<SiemFormat, String> outputs, SiemProduct product) {
        public Settings {
            outputs = outputs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(outputs));
        }

        /** The enabled outputs of the configuration, topics with the configured prefix. */
        public static Settings from(SightlineConfig config, SiemProduct product) {
            Map<SiemFormat, String> outputs = new EnumMap<>(SiemFormat.class);
            for (SiemFormat format : SiemFormat.values()) {
                if (config.get(format.enabledKey()).orElse(true)) {
                    outputs.put(format, config.topicName(format.topic()));
                }
            }
            return new Settings(config.topicName(Topic.ALERTS), outputs, product);
        }
    }

    private final Settings settings;
    private final Serde<Alert> alertSerde;
    private final SiemMetrics metrics;

    public SiemTopology(Settings settings, Serde<Alert> alertSerde, SiemMetrics metrics) {
        this.settings = settings;
        this.alertSerde = alertSerde;
        this.metrics = metrics;
    }

    public void build(StreamsBuilder builder) {
        if (settings.outputs().isEmpty()) {
            return; // every output switched off: do not even read alerts
        }
        KStream<String, Alert> alerts = builder
                .stream(settings.alertsTopic(), Consumed.with(Serdes.String(), alertSerde).withName(SOURCE))
                .filter((alertId, alert) -> alert != null, Named.as(SKIP_TOMBSTONES));
        settings.outputs().forEach((format, topic) -> {
            Function<Alert, String> renderer = format.renderer(settings.product());
            alerts.mapValues(alert -> {
                        String rendered = renderer.apply(alert);
                        metrics.rendered(format.id());
                        return rendered;
                    }, Named.as(renderName(format)))
                    .to(topic, Produced.with(Serdes.String(), Serdes.String()).withName(sinkName(format)));
        });
    }
}
