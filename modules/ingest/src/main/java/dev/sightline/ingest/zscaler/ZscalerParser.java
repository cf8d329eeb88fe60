package dev.sightline.ingest.zscaler;

import static dev.sightline.ingest.json.JsonFields.count;
import static dev.sightline.ingest.json.JsonFields.httpStatus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.HostNames;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RejectReason;
import dev.sightline.ingest.json.ElementContext;
import dev.sightline.ingest.json.JsonFields;
import dev.sightline.ingest.json.JsonRecordParser;
import dev.sightline.ingest.json.KeyMapping;
import dev.sightline.ingest.json.RecordException;
import dev.sightline.ingest.json.Timestamps;
import dev.sightline.ingest.json.UrlParts;
import dev.sightline.ingest.json.WebActivity;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AccountType;
import dev.sightline.model.ProxyAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Format {@code zscaler}: Zscaler Internet Access NSS web-log feed in JSON (sourceProduct {@code zscaler}).
 *
 * <p>Message shapes: one record, a JSON array of records, or the common SIEM template's envelope
 * {@code {"sourcetype":"zscalernss-web","event":{...}}}; an envelope of another sourcetype (firewall, DNS, tunnel
 * feeds) is rejected UNSUPPORTED_RECORD. Every value may be a string (NSS quotes numbers); {@code NA}, {@code N/A} and
 * {@code None} mean empty. Key names are the common template's (constants below); {@link ParserOptions#keyMapping()}
 * maps any of them to the site's own key.
 *
 * <p>Normalization rules:
 * <ul>
 *   <li>time: {@code datetime} {@code yyyy-MM-dd HH:mm:ss} in {@link ParserOptions#defaultZone()} (the feed's
 *       configured zone), or epoch seconds when all digits; required.</li>
 *   <li>id: {@code EventIds.fromSourceId("zscaler", event_id)} when the template carries {@code event_id}
 *       ({@code %d{recordid}}), else {@code EventIds.fromContent}.</li>
 *   <li>host: {@code hostname}, else the host of {@code url}; required. urlPath: the path of {@code url} (written
 *       without scheme, percent-encoded, kept encoded) without query. port: {@code srv_dport}, else a port written in
 *       the url, else 443/80 from {@code protocol} HTTPS/HTTP.</li>
 *   <li>user: {@code user} via UserNames; clientIp: {@code ClientIP}; method upper-case; status: {@code status}
 *       (0 = none).</li>
 *   <li>bytesOut: {@code requestsize}, bytesIn: {@code responsesize}; absent stays null (unknown), never 0.</li>
 *   <li>proxyAction: {@code action} Allowed/Blocked, anything else UNKNOWN.</li>
 *   <li>content: {@code prompt_req}; fileName: {@code upload_filename}, also recorded as an asset of type
 *       {@code Upload}.</li>
 *   <li>tenant: the first of {@code inst_level1_id}, {@code inst_level1_name}, then level 2, level 3. accountType:
 *       PERSONAL when an instance type or name says personal/consumer/individual; CORPORATE when an instance type
 *       says organization/org/tenant/enterprise/business/workspace/team; else UNKNOWN. Which tenants are the
 *       organisation's own is a policy question left to enrichment.</li>
 *   <li>activity: {@link WebActivity} with {@code activity} as the vendor label.</li>
 *   <li>attributes: url_category, url_super_category, app_class, app_status, app_risk_score, activity,
 *       dlp_engine, dlp_dictionaries, ssl_decrypted, reason, protocol, instance_type.</li>
 * </ul>
 */
public final class ZscalerParser extends JsonRecordParser<JsonNode> {
    public static final String FORMAT = "zscaler";
    public static final String PRODUCT = "zscaler";

    public static final String DATETIME = "datetime";
    public static final String EVENT_ID = "event_id";
    public static final String USER = "user";
    public static final String CLIENT_IP = "ClientIP";
    public static final String URL = "url";
    public static final String HOSTNAME = "hostname";
    public static final String REQUEST_METHOD = "requestmethod";
    public static final String STATUS = "status";
    public static final String REQUEST_SIZE = "requestsize";
    public static final String RESPONSE_SIZE = "responsesize";
    public static final String ACTION = "action";
    public static final String PROTOCOL = "protocol";
    public static final String SERVER_PORT = "srv_dport";
    public static final String USER_AGENT = "useragent";
    public static final String APP_NAME = "appname";
    public static final String ACTIVITY = "activity";
    public static final String PROMPT = "prompt_req";
    public static final String UPLOAD_FILENAME = "upload_filename";

    private static final String ENVELOPE_TYPE = "sourcetype";
    private static final String ENVELOPE_EVENT = "event";
    private static final String WEB_SOURCETYPE = "zscalernss-web";
    private static final Set<String> ABSENT = Set.of("NA", "N/A", "None");
    /** Our attribute name and the template key it is copied from. */
    private static final Map<String, String> ATTRIBUTES = orderedMap(
            "url_category", "urlcategory", "url_super_category", "urlsupercategory", "app_class", "appclass",
            "app_status", "app_status", "app_risk_score", "app_risk_score", "activity", ACTIVITY,
            "dlp_engine", "dlpengine", "dlp_dictionaries", "dlpdictionaries", "ssl_decrypted", "ssldecrypted",
            "reason", "reason", "protocol", PROTOCOL);
    private static final List<String> PERSONAL_WORDS = List.of("personal", "consumer", "individual");
    private static final List<String> CORPORATE_WORDS =
            List.of("org", "tenant", "enterprise", "business", "workspace", "team");

    private final KeyMapping keys;

    public ZscalerParser(ParserOptions options) {
        super(FORMAT, options);
        this.keys = new KeyMapping(options);
    }

    @Override
    protected Elements<JsonNode> elements(JsonNode root) throws RecordException {
        return objectsOf(root);
    }

    @Override
    protected ParseOutcome parseElement(JsonNode element, ElementContext context) throws RecordException {
        JsonNode rec = unwrap(asObject(element));
        Instant time = time(rec, context);
        Optional<UrlParts> url = text(rec, URL).map(UrlParts::parse);
        String host = text(rec, HOSTNAME).flatMap(HostNames::normalizeHost)
                .or(() -> url.flatMap(UrlParts::host))
                .orElseThrow(() -> RecordException.missing(keys.key(HOSTNAME)));
        Optional<String> method = text(rec, REQUEST_METHOD).map(m -> m.toUpperCase(Locale.ROOT));
        Optional<String> prompt = text(rec, PROMPT);
        Optional<String> fileName = text(rec, UPLOAD_FILENAME);
        String path = url.map(UrlParts::path).orElse(null);

        var event = context.newEvent(text(rec, EVENT_ID).map(context::sourceId).orElseGet(context::contentId),
                        time, PRODUCT)
                .setUser(context.user(text(rec, USER)).orElse(null))
                .setClientIp(text(rec, CLIENT_IP).orElse(null))
                .setHost(host)
                .setPort(port(rec, url).orElse(null))
                .setUrlPath(path)
                .setMethod(method.orElse(null))
                .setStatus(httpStatus(rec, keys.key(STATUS), ABSENT).orElse(null))
                .setBytesOut(count(rec, keys.key(REQUEST_SIZE), ABSENT).orElse(null))
                .setBytesIn(count(rec, keys.key(RESPONSE_SIZE), ABSENT).orElse(null))
                .setProxyAction(proxyAction(text(rec, ACTION)))
                .setActivity(WebActivity.infer(method, path, text(rec, ACTIVITY), prompt.isPresent(),
                        fileName.isPresent()))
                .setAppName(text(rec, APP_NAME).orElse(null))
                .setUserAgent(text(rec, USER_AGENT).orElse(null))
                .setFileName(fileName.orElse(null))
                .setContent(prompt.orElse(null));
        fileName.ifPresent(name -> event.setAssets(new ArrayList<>(List.of(upload(name)))));

        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, String> copied : ATTRIBUTES.entrySet()) {
            text(rec, copied.getValue()).ifPresent(value -> attributes.put(copied.getKey(), value));
        }
        Instance instance = instance(rec);
        instance.type().ifPresent(type -> attributes.put("instance_type", type));
        event.setTenant(instance.id().orElse(null)).setAccountType(instance.accountType()).setAttributes(attributes);
        return new ParseOutcome.Parsed(event.build());
    }

    private JsonNode unwrap(JsonNode element) throws RecordException {
        JsonNode inner = element.get(ENVELOPE_EVENT);
        if (inner == null || !inner.isObject()) {
            return element;
        }
        Optional<String> sourceType = JsonFields.text(element, ENVELOPE_TYPE);
        if (sourceType.isPresent() && !sourceType.get().startsWith(WEB_SOURCETYPE)) {
            throw new RecordException(RejectReason.UNSUPPORTED_RECORD,
                    "field '" + ENVELOPE_TYPE + "' names an NSS feed other than web");
        }
        return inner;
    }

    private Instant time(JsonNode rec, ElementContext context) throws RecordException {
        String field = keys.key(DATETIME);
        String value = text(rec, DATETIME).orElseThrow(() -> RecordException.missing(field));
        if (value.chars().allMatch(Character::isDigit)) {
            return Timestamps.epochSeconds(value, field, context.receivedAt());
        }
        return Timestamps.spaceSeparated(value, field, options().defaultZone(), context.receivedAt());
    }

    private Optional<Integer> port(JsonNode rec, Optional<UrlParts> url) throws RecordException {
        Optional<Integer> serverPort = text(rec, SERVER_PORT).flatMap(UrlParts::parsePort);
        if (serverPort.isPresent()) {
            return serverPort;
        }
        Optional<Integer> written = url.flatMap(UrlParts::port);
        if (written.isPresent()) {
            return written;
        }
        return text(rec, PROTOCOL).flatMap(protocol -> switch (protocol.toUpperCase(Locale.ROOT)) {
            case "HTTPS" -> Optional.of(443);
            case "HTTP" -> Optional.of(80);
            default -> Optional.empty();
        });
    }

    private static ProxyAction proxyAction(Optional<String> action) {
        return action.map(a -> switch (a.toLowerCase(Locale.ROOT)) {
            case "allowed" -> ProxyAction.ALLOWED;
            case "blocked" -> ProxyAction.BLOCKED;
            default -> ProxyAction.UNKNOWN;
        }).orElse(ProxyAction.UNKNOWN);
    }

    private record Instance(Optional<String> id, Optional<String> type, AccountType accountType) {
    }

    private Instance instance(JsonNode rec) throws RecordException {
        Optional<String> id = Optional.empty();
        Optional<String> firstType = Optional.empty();
        AccountType accountType = AccountType.UNKNOWN;
        for (int level = 1; level <= 3; level++) {
            String prefix = "inst_level" + level + "_";
            Optional<String> type = text(rec, prefix + "type");
            Optional<String> name = text(rec, prefix + "name");
            if (id.isEmpty()) {
                id = text(rec, prefix + "id").or(() -> name);
            }
            if (firstType.isEmpty()) {
                firstType = type;
            }
            String evidence = (type.orElse("") + " " + name.orElse("")).toLowerCase(Locale.ROOT);
            if (PERSONAL_WORDS.stream().anyMatch(evidence::contains)) {
                accountType = AccountType.PERSONAL;
            } else if (accountType == AccountType.UNKNOWN
                    && type.map(t -> t.toLowerCase(Locale.ROOT)).filter(t -> CORPORATE_WORDS.stream()
                            .anyMatch(t::contains)).isPresent()) {
                accountType = AccountType.CORPORATE;
            }
        }
        return new Instance(id, firstType, accountType);
    }

    private static AccessedAsset upload(String fileName) {
        return AccessedAsset.newBuilder().setId(fileName).setName(fileName).setType("Upload").setAction("Upload")
                .setLabels(List.of()).setDataClasses(List.of()).build();
    }

    /** A template field read through the site's key mapping. */
    private Optional<String> text(JsonNode rec, String field) throws RecordException {
        return JsonFields.text(rec, keys.key(field), ABSENT);
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
