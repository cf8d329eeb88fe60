package dev.sightline.catalog;

import java.util.Map;

/**
 * What a proxy log tells about one request, for {@link UnknownAiDiscovery}.
 *
 * @param host        the destination host as logged
 * @param method      HTTP method, null when not logged
 * @param path        request path (a query is ignored), null when not logged
 * @param port        destination port, 0 when not logged
 * @param contentType request or response content type, null when not logged
 * @param headers     request header names (any case) to values, empty when not logged
 */
public record RequestFacts(String host, String method, String path, int port, String contentType,
        Map<String, String> headers) {

    public RequestFacts {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public RequestFacts(String host, String method, String path) {
        this(host, method, path, 0, null, Map.of());
    }

    boolean hasHeader(String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }
}
