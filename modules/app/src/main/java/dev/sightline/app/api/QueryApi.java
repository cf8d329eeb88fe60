package dev.sightline.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sightline.app.http.ObservabilityServer;
import dev.sightline.config.Secret;
import dev.sightline.pipeline.governance.GovernanceTopology;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query API over the stream application's state stores, correct with any number of instances: a query for one
 * key (a tool, a user) goes to the instance whose task holds it; any other query goes to every instance holding part
 * of the store and the parts are merged. Answers are JSON; errors are {@code {"error": "..."}} with 400 (bad
 * parameter), 404 (unknown route or key), 503 with Retry-After (data moving between instances or restoring).
 * <ul>
 *   <li>{@code /api/inventory}, {@code /api/inventory/{tool}}: governance inventory store (per tool);</li>
 *   <li>{@code /api/audit}: governance audit index ({@link AuditQuery});</li>
 *   <li>{@code /api/lineage}: governance lineage store ({@link LineageQuery});</li>
 *   <li>{@code /api/alerts}: the detect stage's alert state ({@link AlertQuery}, {@link LocalQueries#ALERT_STORES}).</li>
 * </ul>
 */
public final class QueryApi {
    private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String INVENTORY = ObservabilityServer.API_PATH + "/inventory";

    private final Routing routing;
    private final LocalQueries local;
    private final Peers peers;

    private QueryApi(Routing routing, Optional<Secret> token) {
        this.routing = routing;
        this.local = new LocalQueries(routing);
        this.peers = new Peers(token);
    }

    /**
     * Serves the API on {@code server} from {@code streams}.
     *
     * @param self  this instance's {@code application.server}, as the other instances see it
     * @param token the API token, sent along when a query is forwarded to another instance
     */
    public static void install(ObservabilityServer server, KafkaStreams streams, HostInfo self, Optional<Secret> token) {
        QueryApi api = new QueryApi(new Routing(streams, self), token);
        server.route(INVENTORY, api.handler(api::inventory));
        server.route(ObservabilityServer.API_PATH + "/audit", api.handler(exact(api::audit)));
        server.route(ObservabilityServer.API_PATH + "/lineage", api.handler(exact(api::lineage)));
        server.route(ObservabilityServer.API_PATH + "/alerts", api.handler(exact(api::alerts)));
    }

    /** A query as received: decoded path, raw query, and whether another instance forwarded it. */
    record Request(URI uri, boolean forwarded) {
        String path() {
            return uri.getPath();
        }

        QueryParameters parameters(Set<String> allowed) {
            return QueryParameters.parse(uri.getRawQuery(), allowed);
        }

        String pathAndQuery() {
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
    }

    private JsonNode inventory(Request request) {
        String path = request.path();
        if (path.equals(INVENTORY) || path.equals(INVENTORY + "/")) {
            request.parameters(Set.of());
            return items(sorted(gather(request, GovernanceTopology.INVENTORY_STORE, local::inventory),
                    Comparator.comparing(node -> node.path("toolId").asText())));
        }
        if (!path.startsWith(INVENTORY + "/")) {
            throw ApiException.notFound("no such route: " + path);
        }
        String tool = path.substring(INVENTORY.length() + 1);
        request.parameters(Set.of());
        return keyed(request, GovernanceTopology.INVENTORY_STORE, tool, () -> local.inventoryEntry(tool)
                .orElseThrow(() -> ApiException.notFound("no AI tool '" + tool + "' in the inventory")));
    }

    private JsonNode audit(Request request) {
        AuditQuery query = AuditQuery.parse(request.parameters(AuditQuery.PARAMETERS));
        Supplier<JsonNode> here = () -> page(local.audit(query), query.limit());
        if (query.user().isPresent()) {
            return keyed(request, GovernanceTopology.AUDIT_INDEX_STORE, query.user().get(), here);
        }
        if (request.forwarded()) {
            return here.get();
        }
        // the first `limit` of all records are among the first `limit` of each instance
        return mergePages(fanOut(request, List.of(GovernanceTopology.AUDIT_INDEX_STORE), here), query.limit());
    }

    private JsonNode lineage(Request request) {
        LineageQuery query = LineageQuery.parse(request.parameters(LineageQuery.PARAMETERS));
        return items(sorted(gather(request, GovernanceTopology.LINEAGE_STORE, () -> local.lineage(query)),
                Comparator.comparing(node -> node.path("edgeId").asText())));
    }

    private JsonNode alerts(Request request) {
        AlertQuery query = AlertQuery.parse(request.parameters(AlertQuery.PARAMETERS));
        List<JsonNode> parts = request.forwarded() ? List.of(items(local.alerts(query)))
                : fanOut(request, LocalQueries.ALERT_STORES, () -> items(local.alerts(query)));
        Comparator<JsonNode> newestFirst = Comparator.<JsonNode, Instant>comparing(
                node -> Instant.parse(node.path("lastSeen").asText())).reversed()
                .thenComparing(node -> node.path("alertId").asText());
        return items(sorted(itemsOf(parts), newestFirst).stream().limit(query.limit()).toList());
    }

    // ---- routing ----

    /** One key's answer, from the instance that owns the key. */
    private JsonNode keyed(Request request, String store, String key, Supplier<JsonNode> answer) {
        HostInfo owner = routing.owner(store, key);
        if (owner.equals(routing.self())) {
            return answer.get();
        }
        if (request.forwarded()) {
            throw ApiException.unavailable("the key moved to another instance during the query (rebalancing)");
        }
        return Peers.await(peers.get(owner, request.pathAndQuery()));
    }

    /** The items of every holder of {@code store}, or only this instance's when the request was forwarded. */
    private List<JsonNode> gather(Request request, String store, Supplier<List<ObjectNode>> items) {
        if (request.forwarded()) {
            return new ArrayList<>(items.get());
        }
        return itemsOf(fanOut(request, List.of(store), () -> items(items.get())));
    }

    /** Asks every holder of {@code stores} (the others in parallel) and returns their answers. */
    private List<JsonNode> fanOut(Request request, List<String> stores, Supplier<JsonNode> localAnswer) {
        List<CompletableFuture<JsonNode>> remote = new ArrayList<>();
        boolean here = false;
        for (HostInfo host : routing.holders(stores)) {
            if (host.equals(routing.self())) {
                here = true;
            } else {
                remote.add(peers.get(host, request.pathAndQuery()));
            }
        }
        List<JsonNode> answers = new ArrayList<>();
        if (here) {
            answers.add(localAnswer.get());
        }
        remote.forEach(answer -> answers.add(Peers.await(answer)));
        return answers;
    }

    // ---- answers ----

    private static ObjectNode items(List<? extends JsonNode> items) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode array = body.putArray("items");
        items.forEach(array::add);
        return body;
    }

    private static List<JsonNode> itemsOf(List<JsonNode> answers) {
        List<JsonNode> all = new ArrayList<>();
        answers.forEach(answer -> answer.path("items").forEach(all::add));
        return all;
    }

    private static List<JsonNode> sorted(List<JsonNode> items, Comparator<JsonNode> order) {
        List<JsonNode> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }

    /** One page of audit records: the first {@code limit} in result order, and a cursor when there are more. */
    private static ObjectNode page(List<? extends JsonNode> ordered, int limit) {
        return mergePages(List.of(items(ordered)), limit);
    }

    private static ObjectNode mergePages(List<JsonNode> pages, int limit) {
        Comparator<JsonNode> order = Comparator.comparing(QueryApi::position, AuditQuery.ORDER);
        List<JsonNode> all = sorted(itemsOf(pages), order);
        boolean more = all.size() > limit || pages.stream().anyMatch(p -> p.hasNonNull("nextCursor"));
        List<JsonNode> shown = all.subList(0, Math.min(limit, all.size()));
        ObjectNode body = items(shown);
        body.put("nextCursor", more && !shown.isEmpty() ? position(shown.get(shown.size() - 1)).encode() : null);
        return body;
    }

    private static AuditQuery.Position position(JsonNode record) {
        return new AuditQuery.Position(Instant.parse(record.path("eventTime").asText()).toEpochMilli(),
                record.path("recordId").asText());
    }

    // ---- HTTP ----

    /** Routes that take no path below their own. */
    private static Function<Request, JsonNode> exact(Function<Request, JsonNode> route) {
        return request -> {
            String path = request.path();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            if (path.chars().filter(c -> c == '/').count() != 2) {
                throw ApiException.notFound("no such route: " + request.path());
            }
            return route.apply(request);
        };
    }

    private HttpHandler handler(Function<Request, JsonNode> route) {
        return exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                boolean forwarded = exchange.getRequestHeaders().containsKey(Peers.FORWARDED_HEADER);
                JsonNode body;
                try {
                    body = route.apply(new Request(exchange.getRequestURI(), forwarded));
                } catch (ApiException e) {
                    if (e.status() == 503) {
                        exchange.getResponseHeaders().set("Retry-After", String.valueOf(ApiException.RETRY_AFTER_SECONDS));
                    }
                    send(exchange, e.status(), error(e.getMessage()));
                    return;
                } catch (RuntimeException e) {
                    // the path only: query values may name users
                    LOG.warn("query on {} failed", exchange.getRequestURI().getRawPath(), e);
                    send(exchange, 500, error("internal error; see the instance's log"));
                    return;
                }
                send(exchange, 200, body);
            }
        };
    }

    private static JsonNode error(String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        return JSON.valueToTree(body);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot render the answer as JSON", e);
        }
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
