package dev.sightline.pipeline.siem;

import dev.sightline.config.ConfigKey;
import dev.sightline.config.ConfigKeys;
import dev.sightline.detect.siem.CefRenderer;
import dev.sightline.detect.siem.EcsRenderer;
import dev.sightline.detect.siem.OcsfRenderer;
import dev.sightline.detect.siem.SiemProduct;
import dev.sightline.model.Alert;
import dev.sightline.model.Topic;
import java.util.function.Function;

/** The SIEM outputs: the topic each writes, the key that switches it and its renderer. */
public enum SiemFormat {
    OCSF("ocsf", Topic.ALERTS_OCSF, ConfigKeys.SIEM_OCSF_ENABLED) {
        @Override
        Function<Alert, String> renderer(SiemProduct product) {
            return new OcsfRenderer(product)::render;
        }
    },
    ECS("ecs", Topic.ALERTS_ECS, ConfigKeys.SIEM_ECS_ENABLED) {
        @Override
        Function<Alert, String> renderer(SiemProduct product) {
            return new EcsRenderer(product)::render;
        }
    },
    CEF("cef", Topic.ALERTS_CEF, ConfigKeys.SIEM_CEF_ENABLED) {
        @Override
        Function<Alert, String> renderer(SiemProduct product) {
            return new CefRenderer(product)::render;
        }
    };

    private final String id;
    private final Topic topic;
    private final ConfigKey<Boolean> enabledKey;

    SiemFormat(String id, Topic topic, ConfigKey<Boolean> enabledKey) {
        this.id = id;
        this.topic = topic;
        this.enabledKey = enabledKey;
    }

    /** Lower-case name used in processor names and the metric tag. */
    public String id() {
        return id;
    }

    public Topic topic() {
        return topic;
    }

    public ConfigKey<Boolean> enabledKey() {
        return enabledKey;
    }

    abstract Function<Alert, String> renderer(SiemProduct product);
}
