package dev.sightline.ingest.ecs;

import static dev.sightline.ingest.json.JsonFields.count;
import static dev.sightline.ingest.json.JsonFields.httpStatus;
import static dev.sightline.ingest.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.HostNames;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.json.ElementContext;
import dev.sightline.ingest.json.JsonPaths;
import dev.sightline.ingest.json.JsonRecordParser;
import dev.sightline.ingest.json.RecordException;
import dev.sightline.ingest.json.Timestamps;
import dev.sightline.ingest.json.UrlParts;
import dev.sightline.ingest.json.WebActivity;
import dev.sightline.model.Activity;
import dev.sightline.model.ProxyAction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Format {@code ecs}: Elastic Common Schema 9.x web/proxy events as Filebeat, Vector or Logstash ship them
 * (sourceProduct {@code ecs}). One event or a JSON array of events. Dotted keys and nested objects are both accepted,
 * also mixed ({@link JsonPaths}).
 *
 * <p>Normalization rules:
 * <ul>
 *   <li>{@code event.kind} other than {@code event} (alert, metric, state, enrichment, pipeline_error) is
 *       {@link ParseOutcome.Skipped} by rule {@value #NOT_AN_EVENT_RULE}: such documents describe no transaction.</li>
 *   <li>time: {@code @timestamp}, ISO-8601 (UTC when no offset is written, as ECS prescribes) or epoch
 *       milliseconds; required. id: {@code event.id} via {@code EventIds.fromSourceId}, else
 *       {@code EventIds.fromContent}.</li>
 *   <li>host: {@code url.domain}, {@code destination.domain}, {@code tls.client.server_name}, else the host of
 *       {@code url.original}/{@code url.full}; required unless the event reports a model ({@code gen_ai.*}).
 *       urlPath: {@code url.path}, else the path of the URL, without query. port: {@code url.port},
 *       {@code destination.port}, a port written in the URL, else 443/80 from the scheme.</li>
 *   <li>user: {@code user.name} (with {@code user.domain} as {@code DOMAIN\name} when the name is bare), else
 *       {@code user.email}, via UserNames. clientIp: {@code source.ip}, else {@code client.ip}.</li>
 *   <li>bytesOut: {@code http.request.body.bytes}, else {@code http.request.bytes}, else {@code source.bytes};
 *       bytesIn: {@code http.response.body.bytes}, else {@code http.response.bytes}, else {@code destination.bytes};
 *       absent stays null. status: {@code http.response.status_code}.</li>
 *   <li>proxyAction: {@code event.type} containing {@code denied} &rarr; BLOCKED, {@code allowed} &rarr; ALLOWED;
 *       else {@code event.action} naming block/deny/drop &rarr; BLOCKED, allow/accept/permit &rarr; ALLOWED; else
 *       UNKNOWN.</li>
 *   <li>aiModel: {@code gen_ai.request.model}, else {@code gen_ai.response.model}; appName:
 *       {@code gen_ai.provider.name} (ECS 9.5), else {@code gen_ai.system}. activity: API_CALL when the event reports
 *       a gen_ai operation or model (an instrumented model call), else {@link WebActivity} with
 *       {@code event.action} as the label.</li>
 *   <li>accountType UNKNOWN and no tenant: ECS has no field for the AI service's tenant.</li>
 *   <li>attributes: event_action, event_category, event_outcome, observer_vendor, observer_product,
 *       gen_ai_operation, gen_ai_input_tokens, gen_ai_output_tokens.</li>
 * </ul>
 */
public final class EcsParser extends JsonRecordParser<JsonNode> {
    public static final String FORMAT = "ecs";
    public static final String PRODUCT = "ecs";
    public static final String NOT_AN_EVENT_RULE = "ecs-not-an-event";

    private static final String TIMESTAMP = "@timestamp";
    private static final String EVENT_TYPE = "event.type";
    private static final String EVENT_CATEGORY = "event.category";
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "event_action", "event.action", "event_outcome", "event.outcome",
            "observer_vendor", "observer.vendor", "observer_product", "observer.product",
            "gen_ai_operation", "gen_ai.operation.name", "gen_ai_input_tokens", "gen_ai.usage.input_tokens",
            "gen_ai_output_tokens", "gen_ai.usage.output_tokens");
    /** Every scalar path read; list-valued ones (event.type, event.category) are read apart. */
    private static final List<String> SCALAR_PATHS = List.of(TIMESTAMP, "event.id", "event.kind", "event.action",
            "event.outcome", "source.ip", "client.ip", "source.bytes", "destination.domain", "destination.port",
            "destination.bytes", "url.original", "url.full", "url.domain", "url.path", "url.port", "url.scheme",
            "http.request.method", "http.request.bytes", "http.request.body.bytes", "http.response.status_code",
            "http.response.bytes", "http.response.body.bytes", "user.name", "user.domain", "user.email",
            "user_agent.original", "tls.client.server_name", "observer.vendor", "observer.product", "gen_ai.system",
            "gen_ai.provider.name", "gen_ai.request.model", "gen_ai.response.model", "gen_ai.operation.name",
            "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens");
    private static final List<String> BLOCK_WORDS = List.of("block", "deny", "denied", "drop", "reject");
    private static final List<String> ALLOW_WORDS = List.of("allow", "accept", "permit");

    public EcsParser(ParserOptions options) {
        super(FORMAT, options);
    }

    @Override
    protected Elements<JsonNode> elements(JsonNode root) throws RecordException {
        return objectsOf(root);
    }

    @Override
    protected ParseOutcome parseElement(JsonNode element, ElementContext context) throws RecordException {
        JsonNode doc = asObject(element);
        JsonNode ecs = JsonPaths.flatten(doc, SCALAR_PATHS);
        Optional<String> kind = text(ecs, "event.kind");
        if (kind.isPresent() && !kind.get().equalsIgnoreCase("event")) {
            return new ParseOutcome.Skipped(NOT_AN_EVENT_RULE, "event.kind is not 'event'");
        }
        Instant time = time(ecs, context);
        Optional<UrlParts> url = firstText(ecs, "url.original", "url.full").map(UrlParts::parse);
        Optional<String> aiModel = firstText(ecs, "gen_ai.request.model", "gen_ai.response.model");
        Optional<String> provider = firstText(ecs, "gen_ai.provider.name", "gen_ai.system");
        Optional<String> operation = text(ecs, "gen_ai.operation.name");
        boolean modelCall = aiModel.isPresent() || operation.isPresent();
        Optional<String> host = host(ecs, url);
        if (host.isEmpty() && !modelCall && provider.isEmpty()) {
            throw RecordException.missing("url.domain");
        }
        Optional<String> method = text(ecs, "http.request.method").map(m -> m.toUpperCase(Locale.ROOT));
        String path = text(ecs, "url.path").map(HostNames::pathWithoutQuery)
                .or(() -> url.map(UrlParts::path)).orElse(null);
        List<String> types = strings(doc, EVENT_TYPE);

        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : ATTRIBUTES.keySet().stream().sorted().toList()) {
            text(ecs, ATTRIBUTES.get(name)).ifPresent(value -> attributes.put(name, value));
        }
        List<String> categories = strings(doc, EVENT_CATEGORY);
        if (!categories.isEmpty()) {
            attributes.put("event_category", String.join(",", categories));
        }
        Optional<String> action = text(ecs, "event.action");
        var event = context.newEvent(text(ecs, "event.id").map(context::sourceId).orElseGet(context::contentId),
                        time, PRODUCT)
                .setUser(context.user(user(ecs)).orElse(null))
                .setClientIp(firstText(ecs, "source.ip", "client.ip").orElse(null))
                .setHost(host.orElse(null))
                .setPort(port(ecs, url).orElse(null))
                .setUrlPath(path)
                .setMethod(method.orElse(null))
                .setStatus(httpStatus(ecs, "http.response.status_code", Set.of()).orElse(null))
                .setBytesOut(firstCount(ecs, "http.request.body.bytes", "http.request.bytes", "source.bytes")
                        .orElse(null))
                .setBytesIn(firstCount(ecs, "http.response.body.bytes", "http.response.bytes", "destination.bytes")
                        .orElse(null))
                .setProxyAction(proxyAction(types, action))
                .setActivity(modelCall ? Activity.API_CALL : WebActivity.infer(method, path, action, false, false))
                .setAiModel(aiModel.orElse(null))
                .setAppName(provider.orElse(null))
                .setUserAgent(text(ecs, "user_agent.original").orElse(null))
                .setAttributes(attributes);
        return new ParseOutcome.Parsed(event.build());
    }

    private static Instant time(JsonNode ecs, ElementContext context) throws RecordException {
        JsonNode value = ecs.get(TIMESTAMP);
        if (value != null && value.isIntegralNumber()) {
            return Timestamps.epochMillis(value.asText(), TIMESTAMP, context.receivedAt());
        }
        String text = text(ecs, TIMESTAMP).orElseThrow(() -> RecordException.missing(TIMESTAMP));
        return Timestamps.iso(text, TIMESTAMP, ZoneOffset.UTC, context.receivedAt());
    }

    private static Optional<String> host(JsonNode ecs, Optional<UrlParts> url) throws RecordException {
        for (String path : List.of("url.domain", "destination.domain", "tls.client.server_name")) {
            Optional<String> host = text(ecs, path).flatMap(HostNames::normalizeHost);
            if (host.isPresent()) {
                return host;
            }
        }
        return url.flatMap(UrlParts::host);
    }

    private static Optional<Integer> port(JsonNode ecs, Optional<UrlParts> url) throws RecordException {
        for (String path : List.of("url.port", "destination.port")) {
            Optional<String> written = text(ecs, path);
            if (written.isPresent()) {
                return Optional.of(UrlParts.parsePort(written.get())
                        .orElseThrow(() -> RecordException.badValue(path, "a port number")));
            }
        }
        Optional<Integer> inUrl = url.flatMap(UrlParts::port);
        if (inUrl.isPresent()) {
            return inUrl;
        }
        Optional<String> scheme = text(ecs, "url.scheme").map(s -> s.toLowerCase(Locale.ROOT))
                .or(() -> url.flatMap(UrlParts::scheme));
        return scheme.flatMap(s -> switch (s) {
            case "https" -> Optional.of(443);
            case "http" -> Optional.of(80);
            default -> Optional.empty();
        });
    }

    private static Optional<String> user(JsonNode ecs) throws RecordException {
        Optional<String> name = text(ecs, "user.name");
        Optional<String> domain = text(ecs, "user.domain");
        if (name.isPresent()) {
            boolean bare = name.get().indexOf('@') < 0 && name.get().indexOf('\\') < 0;
            return Optional.of(bare && domain.isPresent() ? domain.get() + "\\" + name.get() : name.get());
        }
        return text(ecs, "user.email");
    }

    private static Optional<Long> firstCount(JsonNode ecs, String... paths) throws RecordException {
        for (String path : paths) {
            Optional<Long> value = count(ecs, path, Set.of());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    private static ProxyAction proxyAction(List<String> types, Optional<String> action) {
        if (types.contains("denied")) {
            return ProxyAction.BLOCKED;
        }
        if (types.contains("allowed")) {
            return ProxyAction.ALLOWED;
        }
        String label = action.map(a -> a.toLowerCase(Locale.ROOT)).orElse("");
        if (BLOCK_WORDS.stream().anyMatch(label::contains)) {
            return ProxyAction.BLOCKED;
        }
        if (ALLOW_WORDS.stream().anyMatch(label::contains)) {
            return ProxyAction.ALLOWED;
        }
        return ProxyAction.UNKNOWN;
    }

    /** A keyword field that ECS allows as a string or an array of strings, lower-cased. */
    private static List<String> strings(JsonNode doc, String path) throws RecordException {
        Optional<JsonNode> node = JsonPaths.find(doc, path);
        List<String> values = new ArrayList<>();
        if (node.isEmpty()) {
            return values;
        }
        if (node.get().isTextual()) {
            values.add(node.get().asText().toLowerCase(Locale.ROOT));
            return values;
        }
        if (!node.get().isArray()) {
            throw RecordException.badValue(path, "a string or an array of strings");
        }
        for (JsonNode item : node.get()) {
            if (!item.isTextual()) {
                throw RecordException.badValue(path, "a string or an array of strings");
            }
            values.add(item.asText().toLowerCase(Locale.ROOT));
        }
        return values;
    }

    /** The first of several fields that has a value. */
    private static Optional<String> firstText(JsonNode ecs, String... paths) throws RecordException {
        for (String path : paths) {
            Optional<String> value = text(ecs, path);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
