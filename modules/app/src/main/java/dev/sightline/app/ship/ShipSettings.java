package dev.sightline.app.ship;

import java.time.Duration;
import java.util.Objects;

/**
 * How to ship.
 *
 * @param topic          full topic name (prefix included)
 * @param format         input format name, recorded in the {@link ShipHeaders#FORMAT} header
 * @param sourceId       record key (e.g. the proxy's name), or null for no key
 * @param follow         keep reading growing files until {@link Shipper#stop()}
 * @param maxLineBytes   longer lines are not sent (counted and reported): the broker would refuse them
 * @param commitLines    save the position at least every this many lines ...
 * @param commitInterval ... and at least this often while lines flow
 * @param pollInterval   with follow: how often to look for new lines, rotation and truncation
 * @param timeout        for answers from the cluster (topic metadata, reading back the topic's end)
 */
public record ShipSettings(String topic, String format, String sourceId, boolean follow, int maxLineBytes,
                           int commitLines, Duration commitInterval, Duration pollInterval, Duration timeout) {
    /** Below the broker's default limit of about 1 MiB per record batch, with room for headers. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1_000_000;
    public static final int DEFAULT_COMMIT_LINES = 10_000;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public ShipSettings {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(commitInterval, "commitInterval");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        if (maxLineBytes <= 0 || commitLines <= 0) {
            throw new IllegalArgumentException("maxLineBytes and commitLines must be positive");
        }
    }

    public static ShipSettings of(String topic, String format) {
        return new ShipSettings(topic, format, null, false, DEFAULT_MAX_LINE_BYTES, DEFAULT_COMMIT_LINES,
                DEFAULT_COMMIT_INTERVAL, DEFAULT_POLL_INTERVAL, DEFAULT_TIMEOUT);
    }

    public ShipSettings withSourceId(String id) {
        return new ShipSettings(topic, format, id, follow, maxLineBytes, commitLines, commitInterval, pollInterval, timeout);
    }

    public ShipSettings withFollow(boolean on) {
        return new ShipSettings(topic, format, sourceId, on, maxLineBytes, commitLines, commitInterval, pollInterval, timeout);
    }

    public ShipSettings withCommitLines(int lines) {
        return new ShipSettings(topic, format, sourceId, follow, maxLineBytes, lines, commitInterval, pollInterval, timeout);
    }

    public ShipSettings withCommitInterval(Duration interval) {
        return new ShipSettings(topic, format, sourceId, follow, maxLineBytes, commitLines, interval, pollInterval, timeout);
    }

    public ShipSettings withPollInterval(Duration interval) {
        return new ShipSettings(topic, format, sourceId, follow, maxLineBytes, commitLines, commitInterval, interval, timeout);
    }

    public ShipSettings withMaxLineBytes(int bytes) {
        return new ShipSettings(topic, format, sourceId, follow, bytes, commitLines, commitInterval, pollInterval, timeout);
    }
}
