package dev.sightline.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A raw topic Sightline reads and how to parse it.
 *
 * @param topic     the topic name without the deployment prefix, e.g. {@code raw.proxy.squid}
 * @param format    the input format of its records
 * @param logformat for format squid: the site's squid.conf logformat definition, if configured
 */
public record RawTopic(String topic, InputFormat format, Optional<String> logformat) {

    public RawTopic {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(logformat, "logformat");
    }
}
