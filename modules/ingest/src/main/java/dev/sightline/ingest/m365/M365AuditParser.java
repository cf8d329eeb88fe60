package dev.sightline.ingest.m365;

import static dev.sightline.ingest.json.JsonFields.array;
import static dev.sightline.ingest.json.JsonFields.bool;
import static dev.sightline.ingest.json.JsonFields.object;
import static dev.sightline.ingest.json.JsonFields.requiredText;
import static dev.sightline.ingest.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.HostNames;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.json.ElementContext;
import dev.sightline.ingest.json.JsonRecordParser;
import dev.sightline.ingest.json.RecordException;
import dev.sightline.ingest.json.Timestamps;
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.ProxyAction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Format {@code m365-audit}: Microsoft 365 Unified Audit Log records of AI interactions (sourceProduct {@code m365}).
 *
 * <p>Message shapes: one audit record, a JSON array of records (Management Activity API content blob), or a
 * {@code {"value":[...]}} page; one outcome per element. An element that wraps the record in {@code AuditData} /
 * {@code auditData} (Search-UnifiedAuditLog and export rows, as an object or as a JSON string) is unwrapped under the
 * same size and depth limits.
 *
 * <p>Normalization rules:
 * <ul>
 *   <li>Operations {@code CopilotInteraction}, {@code ConnectedAIAppInteraction} and {@code AIAppInteraction} become
 *       events. Any other Operation is {@link ParseOutcome.Skipped} by rule {@value #NON_AI_OPERATION_RULE}: the
 *       Audit.General feed carries hundreds of operations that are well-formed but not AI use, and dead-lettering
 *       them would bury real errors. A record without Operation is rejected (MISSING_FIELD).</li>
 *   <li>Required: {@code Id} (the event id is {@code EventIds.fromSourceId("m365-audit", Id)}), {@code CreationTime}
 *       (ISO-8601, written in UTC without a zone suffix; a suffix, if present, is honoured).</li>
 *   <li>user: {@code UserId} (a UPN) via UserNames; clientIp: {@code ClientIP} as reported.</li>
 *   <li>appName: {@code CopilotEventData.AppHost}; aiModel: the distinct {@code ModelTransparencyDetails[].ModelName}
 *       joined with commas.</li>
 *   <li>assets: each {@code AccessedResources[]} entry (id = Id, else SiteUrl, else Name; name, type, uri = SiteUrl,
 *       action, sensitivityLabelId); entries with none of the three ids are counted in attribute
 *       {@code unidentified_resources}. Each {@code Contexts[]} entry (the document or meeting Copilot was invoked
 *       from) is an asset with action {@code Context}. URLs lose their query and fragment
 *       ({@link HostNames#withoutQuery}): shared links carry parameters, sometimes sensitive values.</li>
 *   <li>activity: PROMPT, except OTHER when {@code Messages} is non-empty and none is a prompt ({@code isPrompt}).</li>
 *   <li>accountType and tenant: CopilotInteraction and ConnectedAIAppInteraction run in the organisation's tenant:
 *       CORPORATE, tenant = {@code OrganizationId}. AIAppInteraction is a third-party AI app outside the tenant:
 *       UNKNOWN, no tenant.</li>
 *   <li>proxyAction ALLOWED (the audit log records interactions that took place); bytes unknown (null); no host,
 *       path or content (the audit log has no prompt text).</li>
 *   <li>attributes: operation, record_type, workload, user_type, thread_id, app_identity, agent_id, agent_name,
 *       plugins, prompt_messages, jailbreak_detected, xpia_detected (flags only when true).</li>
 * </ul>
 */
public final class M365AuditParser extends JsonRecordParser<JsonNode> {
    public static final String FORMAT = "m365-audit";
    public static final String PRODUCT = "m365";
    public static final String NON_AI_OPERATION_RULE = "m365-non-ai-operation";

    static final String COPILOT = "CopilotInteraction";
    static final String CONNECTED_AI_APP = "ConnectedAIAppInteraction";
    static final String AI_APP = "AIAppInteraction";
    private static final Set<String> AI_OPERATIONS = Set.of(COPILOT, CONNECTED_AI_APP, AI_APP);
    private static final String EVENT_DATA = "CopilotEventData";

    public M365AuditParser(ParserOptions options) {
        super(FORMAT, options);
    }

    @Override
    protected Elements<JsonNode> elements(JsonNode root) throws RecordException {
        return objectsOf(root, "value");
    }

    @Override
    protected ParseOutcome parseElement(JsonNode element, ElementContext context) throws RecordException {
        JsonNode audit = unwrap(asObject(element));
        String operation = requiredText(audit, "Operation");
        if (!AI_OPERATIONS.contains(operation)) {
            return new ParseOutcome.Skipped(NON_AI_OPERATION_RULE, "Operation is not an AI interaction");
        }
        String id = requiredText(audit, "Id");
        Instant time = Timestamps.iso(requiredText(audit, "CreationTime"), "CreationTime", ZoneOffset.UTC,
                context.receivedAt());
        boolean inTenant = !operation.equals(AI_APP);

        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("operation", operation);
        putText(attributes, "record_type", audit, "RecordType");
        putText(attributes, "workload", audit, "Workload");
        putText(attributes, "user_type", audit, "UserType");
        JsonNode appIdentity = audit.get("AppIdentity");
        if (appIdentity != null && appIdentity.isTextual() && !appIdentity.asText().isBlank()) {
            attributes.put("app_identity", appIdentity.asText());
        }

        var event = context.newEvent(context.sourceId(id), time, PRODUCT)
                .setUser(context.user(text(audit, "UserId")).orElse(null))
                .setClientIp(text(audit, "ClientIP").orElse(null))
                .setProxyAction(ProxyAction.ALLOWED)
                .setActivity(Activity.PROMPT)
                .setAccountType(inTenant ? AccountType.CORPORATE : AccountType.UNKNOWN)
                .setTenant(inTenant ? text(audit, "OrganizationId").orElse(null) : null);

        Optional<JsonNode> eventData = object(audit, EVENT_DATA);
        if (eventData.isPresent()) {
            JsonNode data = eventData.get();
            event.setAppName(text(data, "AppHost").orElse(null));
            putText(attributes, "thread_id", data, "ThreadId");
            putText(attributes, "agent_id", data, "AgentId");
            putText(attributes, "agent_name", data, "AgentName");
            List<AccessedAsset> assets = new ArrayList<>();
            assets.addAll(accessedResources(data, attributes));
            assets.addAll(contexts(data));
            event.setAssets(assets);
            event.setAiModel(joined(data, "ModelTransparencyDetails", "ModelName", null).orElse(null));
            joined(data, "AISystemPlugin", "Name", "Id").ifPresent(p -> attributes.put("plugins", p));
            if (!promptedBy(data, attributes)) {
                event.setActivity(Activity.OTHER);
            }
        }
        event.setAttributes(attributes);
        return new ParseOutcome.Parsed(event.build());
    }

    /** The audit record itself, unwrapped from an export row or Graph record. */
    private JsonNode unwrap(JsonNode element) throws RecordException {
        for (String key : List.of("AuditData", "auditData")) {
            JsonNode wrapped = element.get(key);
            if (wrapped == null || wrapped.isNull()) {
                continue;
            }
            if (wrapped.isTextual()) {
                return asObject(reader().readEmbedded(wrapped.asText(), key));
            }
            if (wrapped.isObject()) {
                return wrapped;
            }
            throw RecordException.badValue(key, "an object or a JSON string");
        }
        return element;
    }

    private static List<AccessedAsset> accessedResources(JsonNode data, Map<String, String> attributes)
            throws RecordException {
        List<AccessedAsset> assets = new ArrayList<>();
        int unidentified = 0;
        boolean xpia = false;
        for (JsonNode resource : entries(data, "AccessedResources")) {
            xpia |= bool(resource, "XPIADetected").orElse(false);
            Optional<String> siteUrl = text(resource, "SiteUrl").map(HostNames::withoutQuery);
            Optional<String> name = text(resource, "Name");
            Optional<String> id = text(resource, "Id").or(() -> siteUrl).or(() -> name);
            if (id.isEmpty()) {
                unidentified++;
                continue;
            }
            assets.add(AccessedAsset.newBuilder()
                    .setId(id.get())
                    .setName(name.orElse(null))
                    .setType(text(resource, "Type").orElse(null))
                    .setUri(siteUrl.orElse(null))
                    .setAction(text(resource, "Action").orElse(null))
                    .setSensitivityLabelId(text(resource, "SensitivityLabelId").orElse(null))
                    .setLabels(List.of())
                    .setDataClasses(List.of())
                    .build());
        }
        if (unidentified > 0) {
            attributes.put("unidentified_resources", Integer.toString(unidentified));
        }
        if (xpia) {
            attributes.put("xpia_detected", "true");
        }
        return assets;
    }

    private static List<AccessedAsset> contexts(JsonNode data) throws RecordException {
        List<AccessedAsset> assets = new ArrayList<>();
        for (JsonNode context : entries(data, "Contexts")) {
            Optional<String> written = text(context, "Id");
            if (written.isEmpty()) {
                continue; // a context without an id names nothing
            }
            boolean isUrl = written.get().startsWith("https://") || written.get().startsWith("http://");
            Optional<String> id = isUrl ? written.map(HostNames::withoutQuery) : written;
            assets.add(AccessedAsset.newBuilder()
                    .setId(id.get())
                    .setType(text(context, "Type").orElse(null))
                    .setUri(isUrl ? id.get() : null)
                    .setAction("Context")
                    .setLabels(List.of())
                    .setDataClasses(List.of())
                    .build());
        }
        return assets;
    }

    /** Whether the interaction contains a prompt; records prompt count and jailbreak flag. */
    private static boolean promptedBy(JsonNode data, Map<String, String> attributes) throws RecordException {
        List<JsonNode> messages = entries(data, "Messages");
        int prompts = 0;
        boolean jailbreak = false;
        for (JsonNode message : messages) {
            prompts += bool(message, "isPrompt").orElse(false) ? 1 : 0;
            jailbreak |= bool(message, "JailbreakDetected").orElse(false);
        }
        if (!messages.isEmpty()) {
            attributes.put("prompt_messages", Integer.toString(prompts));
        }
        if (jailbreak) {
            attributes.put("jailbreak_detected", "true");
        }
        return messages.isEmpty() || prompts > 0;
    }

    /** Distinct values of {@code key} (else {@code fallbackKey}) over the objects of an array, comma-joined. */
    private static Optional<String> joined(JsonNode data, String arrayField, String key, String fallbackKey)
            throws RecordException {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode entry : entries(data, arrayField)) {
            Optional<String> value = text(entry, key);
            if (value.isEmpty() && fallbackKey != null) {
                value = text(entry, fallbackKey);
            }
            value.ifPresent(values::add);
        }
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }

    /** The objects of an optional array field; a non-object entry is a bad value. */
    private static List<JsonNode> entries(JsonNode parent, String field) throws RecordException {
        Optional<JsonNode> items = array(parent, field);
        List<JsonNode> entries = new ArrayList<>();
        if (items.isPresent()) {
            for (JsonNode entry : items.get()) {
                if (!entry.isObject()) {
                    throw RecordException.badValue(EVENT_DATA + "." + field, "an array of objects");
                }
                entries.add(entry);
            }
        }
        return entries;
    }

    private static void putText(Map<String, String> attributes, String name, JsonNode parent, String field)
            throws RecordException {
        text(parent, field).ifPresent(value -> attributes.put(name, value));
    }
}
