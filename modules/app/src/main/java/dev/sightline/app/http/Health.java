package dev.sightline.app.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code /health} answers.
 *
 * @param streamState the Kafka Streams state (RUNNING, REBALANCING, ERROR, ...)
 * @param components  the state of each other part (broker, registry, ...), free text
 * @param config      the effective configuration with secrets redacted
 */
public record Health(String streamState, Map<String, String> components, Map<String, String> config) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Health {
        components = Map.copyOf(components);
        config = Map.copyOf(config);
    }

    /** Up while the stream application processes; REBALANCING is part of normal running. */
    public boolean up() {
        return "RUNNING".equals(streamState) || "REBALANCING".equals(streamState);
    }

    /** Only {@code status} and {@code streams}: what may be shown to callers without the API token. */
    public String toStatusJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up() ? "UP" : "DOWN");
        body.put("streams", streamState);
        return write(body);
    }

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up() ? "UP" : "DOWN");
        body.put("streams", streamState);
        body.put("components", new java.util.TreeMap<>(components));
        body.put("config", new java.util.TreeMap<>(config));
        return write(body);
    }

    private static String write(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serializes", e);
        }
    }
}
