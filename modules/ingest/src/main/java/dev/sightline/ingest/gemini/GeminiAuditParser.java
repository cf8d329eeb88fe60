package dev.sightline.ingest.gemini;

import static dev.sightline.ingest.json.JsonFields.array;
import static dev.sightline.ingest.json.JsonFields.object;
import static dev.sightline.ingest.json.JsonFields.requiredText;
import static dev.sightline.ingest.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RejectReason;
import dev.sightline.ingest.json.ElementContext;
import dev.sightline.ingest.json.JsonRecordParser;
import dev.sightline.ingest.json.RecordException;
import dev.sightline.ingest.json.Timestamps;
import dev.sightline.model.AccountType;
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

/**
 * Format {@code gemini-audit}: Google Workspace Admin SDK Reports API activities (sourceProduct
 * {@code gemini-workspace}). A message is one activity or a list page {@code {"items":[...]}} (or a JSON array); one
 * outcome per activity, read from its first event (Reports API activities for these applications carry one event).
 *
 * <p>Normalization rules:
 * <ul>
 *   <li>{@code id.applicationName} {@value #GEMINI_APP} (Gemini in Workspace apps) and {@value #TOKEN_APP} (OAuth
 *       grants, the way third-party AI apps get at Workspace data) become events; any other application is rejected
 *       UNSUPPORTED_RECORD, since the shipper asks the API for these two only and anything else is misrouted.</li>
 *   <li>Required: {@code id.time} (RFC 3339), {@code id.applicationName}, a non-empty {@code events}. id:
 *       {@code EventIds.fromSourceId("gemini-audit", id.time + "/" + id.uniqueQualifier)}: the API documents the
 *       qualifier as unique only among activities of the same time, so the time is part of the id; without a
 *       qualifier {@code EventIds.fromContent}.</li>
 *   <li>user: {@code actor.email} via UserNames; clientIp: {@code ipAddress}. Event parameters are read from
 *       {@code value}, {@code intValue}, {@code boolValue} or {@code multiValue} (comma-joined).</li>
 *   <li>Gemini: appName = parameter {@code app_name}; tenant = {@code id.customerId}; accountType CORPORATE (a
 *       Workspace account); proxyAction ALLOWED; activity OTHER for features Gemini runs on its own (action naming
 *       proactive, suggest&hellip; or generate_starter&hellip;, or event_category passive/proactive), else PROMPT.
 *       No prompt text, model or document id is logged.</li>
 *   <li>token: appName = parameter {@code app_name}; accountType CORPORATE (the Workspace identity was used), no
 *       tenant (the third party's is unknown); event {@code authorize} &rarr; LOGIN with proxyAction ALLOWED (access
 *       granted), any other (revoke, activity, request) &rarr; OTHER with UNKNOWN.</li>
 *   <li>attributes: application, event_name, event_type, and for Gemini action, event_category, feature_source, for
 *       token client_id, client_type, scopes.</li>
 * </ul>
 */
public final class GeminiAuditParser extends JsonRecordParser<JsonNode> {
    public static final String FORMAT = "gemini-audit";
    public static final String PRODUCT = "gemini-workspace";
    public static final String GEMINI_APP = "gemini_in_workspace_apps";
    public static final String TOKEN_APP = "token";
    private static final String AUTHORIZE = "authorize";

    public GeminiAuditParser(ParserOptions options) {
        super(FORMAT, options);
    }

    @Override
    protected Elements<JsonNode> elements(JsonNode root) throws RecordException {
        return objectsOf(root, "items");
    }

    @Override
    protected ParseOutcome parseElement(JsonNode element, ElementContext context) throws RecordException {
        JsonNode activity = asObject(element);
        JsonNode id = object(activity, "id").orElseThrow(() -> RecordException.missing("id"));
        String application = text(id, "applicationName").orElseThrow(
                () -> RecordException.missing("id.applicationName"));
        boolean gemini = application.equals(GEMINI_APP);
        if (!gemini && !application.equals(TOKEN_APP)) {
            throw new RecordException(RejectReason.UNSUPPORTED_RECORD,
                    "field 'id.applicationName' names an application other than Gemini or OAuth tokens");
        }
        String timeText = text(id, "time").orElseThrow(() -> RecordException.missing("id.time"));
        Instant time = Timestamps.iso(timeText, "id.time", ZoneOffset.UTC, context.receivedAt());
        String eventId = text(id, "uniqueQualifier").map(q -> context.sourceId(timeText + "/" + q))
                .orElseGet(context::contentId);
        JsonNode event = firstEvent(activity);
        String eventName = requiredText(event, "name");
        Map<String, String> parameters = parameters(event);

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("application", application);
        attributes.put("event_name", eventName);
        text(event, "type").ifPresent(type -> attributes.put("event_type", type));
        List<String> kept = gemini ? List.of("action", "event_category", "feature_source")
                : List.of("client_id", "client_type", "scope");
        for (String name : kept) {
            Optional.ofNullable(parameters.get(name))
                    .ifPresent(value -> attributes.put(name.equals("scope") ? "scopes" : name, value));
        }
        Optional<JsonNode> actor = object(activity, "actor");
        var builder = context.newEvent(eventId, time, PRODUCT)
                .setUser(context.user(actor.isPresent() ? text(actor.get(), "email") : Optional.empty()).orElse(null))
                .setClientIp(text(activity, "ipAddress").orElse(null))
                .setAppName(parameters.get("app_name"))
                .setAccountType(AccountType.CORPORATE)
                .setAttributes(attributes);
        if (gemini) {
            builder.setTenant(text(id, "customerId").orElse(null))
                    .setProxyAction(ProxyAction.ALLOWED)
                    .setActivity(geminiActivity(parameters));
        } else {
            boolean granted = eventName.equals(AUTHORIZE);
            builder.setProxyAction(granted ? ProxyAction.ALLOWED : ProxyAction.UNKNOWN)
                    .setActivity(granted ? Activity.LOGIN : Activity.OTHER);
        }
        return new ParseOutcome.Parsed(builder.build());
    }

    private static JsonNode firstEvent(JsonNode activity) throws RecordException {
        JsonNode events = array(activity, "events").orElseThrow(() -> RecordException.missing("events"));
        if (events.isEmpty()) {
            throw RecordException.missing("events");
        }
        if (!events.get(0).isObject()) {
            throw RecordException.badValue("events", "an array of objects");
        }
        return events.get(0);
    }

    /** Parameter name to value; repeated names keep the first. */
    private static Map<String, String> parameters(JsonNode event) throws RecordException {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<JsonNode> parameters = array(event, "parameters");
        if (parameters.isEmpty()) {
            return values;
        }
        for (JsonNode parameter : parameters.get()) {
            if (!parameter.isObject()) {
                throw RecordException.badValue("events[0].parameters", "an array of objects");
            }
            Optional<String> name = text(parameter, "name");
            Optional<String> value = parameterValue(parameter);
            if (name.isPresent() && value.isPresent()) {
                values.putIfAbsent(name.get(), value.get());
            }
        }
        return values;
    }

    private static Optional<String> parameterValue(JsonNode parameter) throws RecordException {
        for (String field : List.of("value", "intValue", "boolValue")) {
            Optional<String> value = text(parameter, field);
            if (value.isPresent()) {
                return value;
            }
        }
        Optional<JsonNode> multi = array(parameter, "multiValue");
        if (multi.isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : multi.get()) {
            if (!item.isValueNode()) {
                throw RecordException.badValue("multiValue", "an array of strings");
            }
            values.add(item.asText());
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }

    private static Activity geminiActivity(Map<String, String> parameters) {
        String action = parameters.getOrDefault("action", "").toLowerCase(Locale.ROOT);
        String category = parameters.getOrDefault("event_category", "").toLowerCase(Locale.ROOT);
        boolean unprompted = action.contains("proactive") || action.startsWith("suggest")
                || action.startsWith("generate_starter") || category.equals("passive") || category.equals("proactive");
        return unprompted ? Activity.OTHER : Activity.PROMPT;
    }
}
