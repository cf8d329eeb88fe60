package dev.sightline.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sightline.app.evidence.EvidenceInput;
import dev.sightline.app.evidence.EvidenceTopics;
import dev.sightline.app.http.ObservabilityServer;
import dev.sightline.config.Secret;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.AuditRecord;
import dev.sightline.pipeline.governance.GovernanceTopology;
import dev.sightline.serde.SchemaRegistryClient;
import dev.sightline.serde.SightlineAvroSerde;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
 * of the store and the parts are merged. Answers are JSON (CSV where a route offers it); errors are
 * {@code {"error": "..."}} with 400 (bad parameter), 404 (unknown route or key), 503 with Retry-After (data moving
 * between instances or restoring, or the evidence topics not readable in time).
 * <ul>
 *   <li>{@code /api/inventory}, {@code /api/inventory/{tool}}: governance inventory store (per tool);</li>
 *   <li>{@code /api/audit}: governance audit index ({@link AuditQuery});</li>
 *   <li>{@code /api/lineage}: governance lineage store ({@link LineageQuery});</li>
 *   <li>{@code /api/alerts}: the detect stage's alert state ({@link AlertQuery}, {@link LocalQueries#ALERT_STORES});</li>
 *   <li>{@code /api/evidence}: one control's ISO/IEC 42001 evidence, read from the topics rather than the stores
 *   ({@link EvidenceQuery}, {@link EvidenceRoute}), so any instance answers it alone.</li>
 * </ul>
 */
public final class QueryApi {
    private static final Logger LOG = LoggerFactory.getLogger(QueryApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String INVENTORY = ObservabilityServer.API_PATH + "/inventory";
    /**
     * How long {@code /api/evidence} may take to read one of the four evidence topics: it answers, or gives up with a
     * 503, within about four times this. A client waits that long at most; a longer read is the CLI's job.
     */
    static final Duration EVIDENCE_TOPIC_TIMEOUT = Duration.ofSeconds(10);

    private final Routing routing;
    private final LocalQueries local;
    private final Peers peers;

    private QueryApi(Routing routing, Optional<Secret> token, SchemaRegistryClient registry) {
        this.routing = routing;
        this.local = new LocalQueries(routing, SightlineAvroSerde.forValue(AuditRecord.class, registry).deserializer());
        this.peers = new Peers(token);
    }

    /**
     * Serves the API on {@code server} from {@code streams}.
     *
     * @param self  this instance's {@code application.server}, as the other instances see it
     * @param token    the API token, sent along when a query is forwarded to another instance
     * @param registry the schema registry of the stores' Avro values
     */
    public static void install(ObservabilityServer server, KafkaStreams streams, HostInfo self, Optional<Secret> token,
                               SchemaRegistryClient registry) {
        QueryApi api = new QueryApi(new Routing(streams, self), token, registry);
        server.route(INVENTORY, json(api::inventory));
        server.route(ObservabilityServer.API_PATH + "/audit", json(exact(api::audit)));
        server.route(ObservabilityServer.API_PATH + "/lineage", json(exact(api::lineage)));
        server.route(ObservabilityServer.API_PATH + "/alerts", json(exact(api::alerts)));
    }

    /** Serves {@code /api/evidence} on {@code server}, from the evidence topics of {@code config}'s cluster. */
    public static void installEvidence(ObservabilityServer server, SightlineConfig config, SchemaRegistryClient registry,
                                       Clock clock) {
        EvidenceTopics topics = new EvidenceTopics(config.kafkaClientProperties(), registry, config::topicName,
                EVIDENCE_TOPIC_TIMEOUT);
        Set<String> expectedSources = EvidenceTopics.expectedSources(config);
        installEvidence(server, () -> topics.read(expectedSources), clock);
    }

    /** @param topics reads the evidence topics; its timeout bounds how long a request waits before a 503 */
    static void installEvidence(ObservabilityServer server, Supplier<EvidenceInput> topics, Clock clock) {
        server.route(ObservabilityServer.API_PATH + "/evidence", handler(exact(new EvidenceRoute(topics, clock)::answer)));
    }

    /** An answer as sent: its Content-Type and bytes. */
    record Body(String contentType, byte[] bytes) {
        static Body json(JsonNode node) {
            try {
                return new Body(JSON_TYPE, (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot render the answer as JSON", e);
            }
        }
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
    private static <T> Function<Request, T> exact(Function<Request, T> route) {
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

    private static HttpHandler json(Function<Request, JsonNode> route) {
        return handler(request -> Body.json(route.apply(request)));
    }

    private static HttpHandler handler(Function<Request, Body> route) {
        return exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                boolean forwarded = exchange.getRequestHeaders().containsKey(Peers.FORWARDED_HEADER);
                Body body;
                try {
                    body = route.apply(new Request(exchange.getRequestURI(), forwarded));
                } catch (ApiException e) {
                    if (e.status() == 503) {
                        exchange.getResponseHeaders().set("Retry-After", String.valueOf(ApiException.RETRY_AFTER_SECONDS));
                    }
                    send(exchange, e.status(), Body.json(error(e.getMessage())));
                    return;
                } catch (RuntimeException e) {
                    // the path only: query values may name users
                    LOG.warn("query on {} failed", exchange.getRequestURI().getRawPath(), e);
                    send(exchange, 500, Body.json(error("internal error; see the instance's log")));
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

    private static void send(HttpExchange exchange, int status, Body body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", body.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.bytes());
        }
    }
}
