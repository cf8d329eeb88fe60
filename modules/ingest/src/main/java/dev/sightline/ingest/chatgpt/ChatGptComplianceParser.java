package dev.sightline.ingest.chatgpt;

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
import dev.sightline.model.AccessedAsset;
import dev.sightline.model.AccountType;
import dev.sightline.model.Activity;
import dev.sightline.model.ProxyAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Format {@code chatgpt-compliance}: ChatGPT Enterprise Compliance API conversations and messages (sourceProduct
 * {@code chatgpt-enterprise}).
 *
 * <p>Message shapes: a conversation, a message, a JSON array of either, or a list page {@code {"data":[...]}}. A
 * conversation's messages (an array, or a list object {@code {"data":[...]}} as the API returns them) are its
 * elements: one outcome per message, each read with the conversation's user and workspace. Decisions:
 * <ul>
 *   <li>A conversation without messages is {@link ParseOutcome.Skipped} by rule {@value #CONVERSATION_RULE}: it is
 *       metadata (title, last activity), not an interaction; its messages arrive with it or on their own.</li>
 *   <li>A message whose {@code author.role} is not {@code user} (assistant, tool, system) is Skipped by rule
 *       {@value #NOT_USER_RULE}: it is the service's output, not something the user sent.</li>
 *   <li>An object that is neither a conversation nor a message (e.g. a Compliance Logs Platform line) is rejected
 *       UNSUPPORTED_RECORD.</li>
 * </ul>
 *
 * <p>Normalization of a user message:
 * <ul>
 *   <li>Required: {@code id} (event id {@code EventIds.fromSourceId("chatgpt-compliance", id)}), {@code author.role},
 *       {@code created_at} (epoch seconds, whole or fractional, number or string).</li>
 *   <li>content: the text of {@code content.parts} (strings, and {@code text} of part objects; other parts such as
 *       image pointers are left out), joined with newlines, or {@code content.text}; for the scanner only.</li>
 *   <li>files: each {@code files[]} entry is an asset (id, name when given, type and action {@code Upload});
 *       fileName is the first named file. activity: UPLOAD when the message carries files, else PROMPT.</li>
 *   <li>user: the conversation's {@code user_email}, else {@code user_id} (also read from the message itself when it
 *       arrives alone), via UserNames. tenant: {@code workspace_id}.</li>
 *   <li>accountType CORPORATE (the Compliance API covers only the Enterprise workspace); proxyAction ALLOWED (the
 *       message was accepted); host {@code chatgpt.com}; aiModel: {@code model} when present; bytes unknown.</li>
 *   <li>attributes: conversation_id, gpt_id, project_id, content_type (never the title: it is derived from the
 *       prompt).</li>
 * </ul>
 */
public final class ChatGptComplianceParser extends JsonRecordParser<ChatGptComplianceParser.Item> {
    public static final String FORMAT = "chatgpt-compliance";
    public static final String PRODUCT = "chatgpt-enterprise";
    public static final String HOST = "chatgpt.com";
    public static final String CONVERSATION_RULE = "chatgpt-conversation-metadata";
    public static final String NOT_USER_RULE = "chatgpt-non-user-message";

    private static final String USER_ROLE = "user";
    private static final String UPLOAD = "Upload";

    /** One element: a message (with its conversation when it came inside one), or a conversation without messages. */
    record Item(Optional<JsonNode> message, Optional<JsonNode> conversation, Optional<RecordException> problem) {
        static Item failed(RecordException problem) {
            return new Item(Optional.empty(), Optional.empty(), Optional.of(problem));
        }
    }

    public ChatGptComplianceParser(ParserOptions options) {
        super(FORMAT, options);
    }

    @Override
    protected Elements<Item> elements(JsonNode root) throws RecordException {
        Elements<JsonNode> records = objectsOf(root, "data");
        List<Item> items = new ArrayList<>();
        boolean nested = false;
        for (JsonNode rec : records.items()) {
            try {
                Optional<JsonNode> messages = rec.isObject() && !isMessage(rec) ? messagesOf(rec) : Optional.empty();
                if (messages.isEmpty() || messages.get().isEmpty()) {
                    items.add(new Item(Optional.of(rec), Optional.empty(), Optional.empty()));
                } else {
                    nested = true;
                    messages.get().forEach(m -> items.add(new Item(Optional.of(m), Optional.of(rec), Optional.empty())));
                }
            } catch (RecordException problem) {
                items.add(Item.failed(problem));
            }
        }
        return new Elements<>(items, records.multiRecord() || nested);
    }

    @Override
    protected ParseOutcome parseElement(Item item, ElementContext context) throws RecordException {
        if (item.problem().isPresent()) {
            throw item.problem().get();
        }
        JsonNode rec = asObject(item.message().orElseThrow());
        if (item.conversation().isEmpty() && !isMessage(rec)) {
            if (isConversation(rec)) {
                requiredText(rec, "id");
                return new ParseOutcome.Skipped(CONVERSATION_RULE, "conversation record without messages");
            }
            throw new RecordException(RejectReason.UNSUPPORTED_RECORD,
                    "record is neither a conversation nor a message (no 'author' or 'messages')");
        }
        return message(rec, item.conversation().orElse(rec), context);
    }

    private ParseOutcome message(JsonNode message, JsonNode conversation, ElementContext context)
            throws RecordException {
        String id = requiredText(message, "id");
        JsonNode author = object(message, "author").orElseThrow(() -> RecordException.missing("author.role"));
        String role = text(author, "role").orElseThrow(() -> RecordException.missing("author.role"));
        if (!role.equals(USER_ROLE)) {
            return new ParseOutcome.Skipped(NOT_USER_RULE, "message is not written by the user");
        }
        Instant time = Timestamps.epochSeconds(requiredText(message, "created_at"), "created_at",
                context.receivedAt());
        Optional<String> email = firstText(conversation, message, "user_email");
        Optional<String> user = email.isPresent() ? email : firstText(conversation, message, "user_id");

        List<AccessedAsset> files = files(message);
        Map<String, String> attributes = new LinkedHashMap<>();
        Optional<String> conversationId = conversation == message ? text(message, "conversation_id")
                : text(conversation, "id");
        conversationId.ifPresent(value -> attributes.put("conversation_id", value));
        putText(attributes, "gpt_id", message, "gpt_id");
        putText(attributes, "project_id", message, "project_id");

        var event = context.newEvent(context.sourceId(id), time, PRODUCT)
                .setUser(context.user(user).orElse(null))
                .setHost(HOST)
                .setTenant(firstText(conversation, message, "workspace_id").orElse(null))
                .setAccountType(AccountType.CORPORATE)
                .setProxyAction(ProxyAction.ALLOWED)
                .setActivity(files.isEmpty() ? Activity.PROMPT : Activity.UPLOAD)
                .setAiModel(text(message, "model").orElse(null))
                .setAssets(files)
                .setFileName(files.stream().map(AccessedAsset::getName).filter(n -> n != null).findFirst()
                        .orElse(null));
        Optional<JsonNode> content = Optional.ofNullable(message.get("content")).filter(c -> !c.isNull());
        if (content.isPresent()) {
            event.setContent(promptText(content.get()).orElse(null));
            if (content.get().isObject()) {
                putText(attributes, "content_type", content.get(), "content_type");
                putText(attributes, "content_type", content.get(), "type");
            }
        }
        event.setAttributes(attributes);
        return new ParseOutcome.Parsed(event.build());
    }

    /** Prompt text of a message's content: a string, or an object with parts and/or text. */
    private static Optional<String> promptText(JsonNode content) throws RecordException {
        if (content.isTextual()) {
            return Optional.of(content.asText()).filter(t -> !t.isEmpty());
        }
        if (!content.isObject()) {
            throw RecordException.badValue("content", "an object or a string");
        }
        List<String> pieces = new ArrayList<>();
        Optional<JsonNode> parts = array(content, "parts");
        if (parts.isPresent()) {
            for (JsonNode part : parts.get()) {
                if (part.isTextual()) {
                    pieces.add(part.asText());
                } else if (part.isObject() && part.path("text").isTextual()) {
                    pieces.add(part.get("text").asText());
                }
            }
        }
        JsonNode text = content.get("text");
        if (text != null && text.isTextual()) {
            pieces.add(text.asText());
        }
        String joined = String.join("\n", pieces);
        return joined.isBlank() ? Optional.empty() : Optional.of(joined);
    }

    private static List<AccessedAsset> files(JsonNode message) throws RecordException {
        List<AccessedAsset> assets = new ArrayList<>();
        Optional<JsonNode> files = array(message, "files");
        if (files.isEmpty()) {
            return assets;
        }
        for (JsonNode file : files.get()) {
            if (!file.isObject()) {
                throw RecordException.badValue("files", "an array of objects");
            }
            Optional<String> named = text(file, "name");
            Optional<String> name = named.isPresent() ? named : text(file, "file_name");
            Optional<String> id = text(file, "id").or(() -> name);
            if (id.isEmpty()) {
                throw RecordException.missing("files[].id");
            }
            assets.add(AccessedAsset.newBuilder().setId(id.get()).setName(name.orElse(null)).setType(UPLOAD)
                    .setAction(UPLOAD).setLabels(List.of()).setDataClasses(List.of()).build());
        }
        return assets;
    }

    private static Optional<JsonNode> messagesOf(JsonNode conversation) throws RecordException {
        JsonNode messages = conversation.get("messages");
        if (messages == null || messages.isNull()) {
            return Optional.empty();
        }
        if (messages.isObject()) {
            return array(messages, "data");
        }
        if (!messages.isArray()) {
            throw RecordException.badValue("messages", "an array or a list object");
        }
        return Optional.of(messages);
    }

    private static boolean isMessage(JsonNode rec) {
        return rec.has("author");
    }

    private static boolean isConversation(JsonNode rec) {
        return rec.has("messages") || rec.has("workspace_id") || rec.has("last_active_at") || rec.has("user_id")
                || rec.has("user_email");
    }

    /** A text field of the conversation, else of the message. */
    private static Optional<String> firstText(JsonNode conversation, JsonNode message, String field)
            throws RecordException {
        Optional<String> value = text(conversation, field);
        return value.isPresent() ? value : text(message, field);
    }

    private static void putText(Map<String, String> attributes, String name, JsonNode parent, String field)
            throws RecordException {
        text(parent, field).ifPresent(value -> attributes.put(name, value));
    }
}
