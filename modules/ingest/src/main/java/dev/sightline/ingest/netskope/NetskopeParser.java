package dev.sightline.ingest.netskope;

import static dev.sightline.ingest.json.JsonFields.count;
import static dev.sightline.ingest.json.JsonFields.httpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.HostNames;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.json.ElementContext;
import dev.sightline.ingest.json.JsonFields;
import dev.sightline.ingest.json.JsonRecordParser;
import dev.sightline.ingest.json.KeyMapping;
import dev.sightline.ingest.json.RecordException;
import dev.sightline.ingest.json.Timestamps;
import dev.sightline.ingest.json.UrlParts;
import dev.sightline.ingest.json.WebActivity;
import dev.sightline.model.AccountType;
import dev.sightline.model.ProxyAction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Format {@code netskope}: Netskope web transaction logs with W3C-style field names as JSON keys (sourceProduct
 * {@code netskope}). One record or a JSON array of records. {@code -} means empty. Key names are the defaults below;
 * {@link ParserOptions#keyMapping()} maps any of them to the site's own key.
 *
 * <p>Normalization rules:
 * <ul>
 *   <li>time: {@code date} + {@code time} ({@code yyyy-MM-dd}, {@code HH:mm:ss}) in UTC, as the W3C extended log
 *       format defines; else {@code x-cs-timestamp} (epoch seconds); one of them is required.</li>
 *   <li>id: {@code EventIds.fromSourceId("netskope", x-transaction-id)} when present, else
 *       {@code EventIds.fromContent}.</li>
 *   <li>host: {@code cs-host}, else {@code x-cs-sni}, else the host of {@code x-cs-url}; required. urlPath: the path
 *       of {@code cs-uri} (else {@code x-cs-url}) without query. port: {@code cs-uri-port}, else one written in
 *       {@code cs-host} or the URL, else 443/80 from {@code cs-uri-scheme} or the URL's scheme.</li>
 *   <li>user: {@code cs-username} via UserNames; clientIp {@code c-ip}; method {@code cs-method} upper-case; status
 *       {@code sc-status} (0 = none); userAgent {@code cs-user-agent}; appName {@code x-cs-app}.</li>
 *   <li>bytesOut: {@code cs-bytes} (client to server, the upload), bytesIn: {@code sc-bytes}; absent stays null.</li>
 *   <li>proxyAction: {@code x-policy-action} block&hellip; &rarr; BLOCKED; allow&hellip;, bypass, alert &rarr;
 *       ALLOWED; anything else (e.g. a user-alert coaching page) UNKNOWN.</li>
 *   <li>tenant: {@code x-cs-app-instance-id}. accountType from {@code x-cs-app-tags}: Consumer or Personal &rarr;
 *       PERSONAL, Corporate, Enterprise or Business &rarr; CORPORATE, else UNKNOWN.</li>
 *   <li>activity: {@link WebActivity} with {@code x-cs-app-activity} as the vendor label.</li>
 *   <li>attributes: app_activity, app_category, app_cci, app_ccl, app_tags, policy_action, sni.</li>
 * </ul>
 */
public final class NetskopeParser extends JsonRecordParser<JsonNode> {
    public static final String FORMAT = "netskope";
    public static final String PRODUCT = "netskope";

    public static final String DATE = "date";
    public static final String TIME = "time";
    public static final String TIMESTAMP = "x-cs-timestamp";
    public static final String TRANSACTION_ID = "x-transaction-id";
    public static final String USERNAME = "cs-username";
    public static final String CLIENT_IP = "c-ip";
    public static final String METHOD = "cs-method";
    public static final String HOST = "cs-host";
    public static final String SNI = "x-cs-sni";
    public static final String URI = "cs-uri";
    public static final String URL = "x-cs-url";
    public static final String URI_PORT = "cs-uri-port";
    public static final String URI_SCHEME = "cs-uri-scheme";
    public static final String USER_AGENT = "cs-user-agent";
    public static final String BYTES_OUT = "cs-bytes";
    public static final String BYTES_IN = "sc-bytes";
    public static final String STATUS = "sc-status";
    public static final String APP = "x-cs-app";
    public static final String APP_ACTIVITY = "x-cs-app-activity";
    public static final String APP_INSTANCE = "x-cs-app-instance-id";
    public static final String APP_TAGS = "x-cs-app-tags";
    public static final String POLICY_ACTION = "x-policy-action";

    private static final Set<String> ABSENT = Set.of("-");
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "app_activity", APP_ACTIVITY, "app_category", "x-cs-app-category", "app_cci", "x-cs-app-cci",
            "app_ccl", "x-cs-app-ccl", "app_tags", APP_TAGS, "policy_action", POLICY_ACTION, "sni", SNI);
    private static final Set<String> PERSONAL_TAGS = Set.of("consumer", "personal");
    private static final Set<String> CORPORATE_TAGS = Set.of("corporate", "enterprise", "business");

    private final KeyMapping keys;

    public NetskopeParser(ParserOptions options) {
        super(FORMAT, options);
        this.keys = new KeyMapping(options);
    }

    @Override
    protected Elements<JsonNode> elements(JsonNode root) throws RecordException {
        return objectsOf(root);
    }

    @Override
    protected ParseOutcome parseElement(JsonNode element, ElementContext context) throws RecordException {
        JsonNode rec = asObject(element);
        Instant time = time(rec, context);
        Optional<UrlParts> fullUrl = text(rec, URL).map(UrlParts::parse);
        Optional<UrlParts> uri = text(rec, URI).map(UrlParts::parse).or(() -> fullUrl);
        Optional<String> sni = text(rec, SNI).flatMap(HostNames::normalizeHost);
        String host = text(rec, HOST).flatMap(HostNames::normalizeHost)
                .or(() -> sni)
                .or(() -> fullUrl.flatMap(UrlParts::host))
                .orElseThrow(() -> RecordException.missing(keys.key(HOST)));
        Optional<String> method = text(rec, METHOD).map(m -> m.toUpperCase(Locale.ROOT));
        String path = uri.map(UrlParts::path).orElse(null);
        Set<String> tags = text(rec, APP_TAGS).map(NetskopeParser::tags).orElse(Set.of());

        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : ATTRIBUTES.keySet().stream().sorted().toList()) {
            text(rec, ATTRIBUTES.get(name)).ifPresent(value -> attributes.put(name, value));
        }
        var event = context.newEvent(text(rec, TRANSACTION_ID).map(context::sourceId).orElseGet(context::contentId),
                        time, PRODUCT)
                .setUser(context.user(text(rec, USERNAME)).orElse(null))
                .setClientIp(text(rec, CLIENT_IP).orElse(null))
                .setHost(host)
                .setPort(port(rec, uri, fullUrl).orElse(null))
                .setUrlPath(path)
                .setMethod(method.orElse(null))
                .setStatus(httpStatus(rec, keys.key(STATUS), ABSENT).orElse(null))
                .setBytesOut(count(rec, keys.key(BYTES_OUT), ABSENT).orElse(null))
                .setBytesIn(count(rec, keys.key(BYTES_IN), ABSENT).orElse(null))
                .setProxyAction(proxyAction(text(rec, POLICY_ACTION)))
                .setActivity(WebActivity.infer(method, path, text(rec, APP_ACTIVITY), false, false))
                .setAccountType(accountType(tags))
                .setTenant(text(rec, APP_INSTANCE).orElse(null))
                .setAppName(text(rec, APP).orElse(null))
                .setUserAgent(text(rec, USER_AGENT).orElse(null))
                .setAttributes(attributes);
        return new ParseOutcome.Parsed(event.build());
    }

    private Instant time(JsonNode rec, ElementContext context) throws RecordException {
        Optional<String> date = text(rec, DATE);
        Optional<String> clock = text(rec, TIME);
        if (date.isPresent() && clock.isPresent()) {
            return Timestamps.spaceSeparated(date.get() + " " + clock.get(), keys.key(DATE) + "/" + keys.key(TIME),
                    ZoneOffset.UTC, context.receivedAt());
        }
        Optional<String> epoch = text(rec, TIMESTAMP);
        if (epoch.isPresent()) {
            return Timestamps.epochSeconds(epoch.get(), keys.key(TIMESTAMP), context.receivedAt());
        }
        throw RecordException.missing(date.isEmpty() ? keys.key(DATE) : keys.key(TIME));
    }

    private Optional<Integer> port(JsonNode rec, Optional<UrlParts> uri, Optional<UrlParts> fullUrl)
            throws RecordException {
        Optional<Integer> hostPort = text(rec, HOST).flatMap(UrlParts::explicitPort);
        Optional<Integer> port = text(rec, URI_PORT).flatMap(UrlParts::parsePort)
                .or(() -> hostPort)
                .or(() -> uri.flatMap(UrlParts::port))
                .or(() -> fullUrl.flatMap(UrlParts::port));
        if (port.isPresent()) {
            return port;
        }
        Optional<String> writtenScheme = text(rec, URI_SCHEME).map(s -> s.toLowerCase(Locale.ROOT));
        Optional<String> scheme = writtenScheme.or(() -> uri.flatMap(UrlParts::scheme))
                .or(() -> fullUrl.flatMap(UrlParts::scheme));
        return scheme.flatMap(s -> switch (s) {
            case "https" -> Optional.of(443);
            case "http" -> Optional.of(80);
            default -> Optional.empty();
        });
    }

    private static Set<String> tags(String list) {
        return Arrays.stream(list.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }

    private static AccountType accountType(Set<String> tags) {
        if (tags.stream().anyMatch(PERSONAL_TAGS::contains)) {
            return AccountType.PERSONAL;
        }
        if (tags.stream().anyMatch(CORPORATE_TAGS::contains)) {
            return AccountType.CORPORATE;
        }
        return AccountType.UNKNOWN;
    }

    private static ProxyAction proxyAction(Optional<String> action) {
        String value = action.map(a -> a.toLowerCase(Locale.ROOT)).orElse("");
        if (value.startsWith("block")) {
            return ProxyAction.BLOCKED;
        }
        if (value.startsWith("allow") || value.equals("bypass") || value.equals("alert")) {
            return ProxyAction.ALLOWED;
        }
        return ProxyAction.UNKNOWN;
    }

    /** A field read through the site's key mapping. */
    private Optional<String> text(JsonNode rec, String field) throws RecordException {
        return JsonFields.text(rec, keys.key(field), ABSENT);
    }
}
