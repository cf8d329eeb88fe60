package dev.sightline.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.RejectReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The frame every JSON parser shares: read the message within limits ({@link JsonRecordReader}), split it into
 * elements (one record, a JSON array or a vendor list wrapper), and turn each element into exactly one outcome. A
 * {@link RecordException} from an element becomes that element's {@link ParseOutcome.Rejected}; an empty list becomes
 * one {@link ParseOutcome.Skipped} ({@value #EMPTY_RULE}) so that every message is accounted for.
 *
 * @param <E> what one element is for the format (usually a JSON object)
 */
public abstract class JsonRecordParser<E> implements RecordParser {
    public static final String EMPTY_RULE = "empty-message";
    /**
     * Reason of the last-resort rejection when a parser itself fails on an element. It exists so that one record can
     * never stop a stream; tests assert that no input reaches it.
     */
    public static final String INTERNAL_ERROR = "parser failed on this element (internal error)";

    private final String format;
    private final ParserOptions options;
    private final JsonRecordReader reader;

    protected JsonRecordParser(String format, ParserOptions options) {
        this.format = Objects.requireNonNull(format, "format");
        this.options = Objects.requireNonNull(options, "options");
        this.reader = new JsonRecordReader(options.maxRecordBytes());
    }

    /** The elements of one message and whether it was a multi-record message (array or list wrapper). */
    public record Elements<E>(List<E> items, boolean multiRecord) {
        public static <E> Elements<E> single(E item) {
            return new Elements<>(List.of(item), false);
        }
    }

    /** Splits a message into elements; a message of the wrong shape is a RecordException for the whole message. */
    protected abstract Elements<E> elements(JsonNode root) throws RecordException;

    /** Normalizes one element into a Parsed or Skipped outcome, or throws a RecordException naming the problem. */
    protected abstract ParseOutcome parseElement(E element, ElementContext context) throws RecordException;

    @Override
    public final String format() {
        return format;
    }

    protected final ParserOptions options() {
        return options;
    }

    protected final JsonRecordReader reader() {
        return reader;
    }

    @Override
    public final List<ParseOutcome> parse(RawRecord record) {
        Elements<E> elements;
        try {
            elements = elements(reader.read(record.value()));
        } catch (RecordException e) {
            return List.of(e.toRejected(null));
        } catch (RuntimeException bug) {
            return List.of(new ParseOutcome.Rejected(RejectReason.MALFORMED, INTERNAL_ERROR, null));
        }
        if (elements.items().isEmpty()) {
            return List.of(new ParseOutcome.Skipped(EMPTY_RULE, "the message holds no records"));
        }
        List<ParseOutcome> outcomes = new ArrayList<>(elements.items().size());
        for (int i = 0; i < elements.items().size(); i++) {
            Integer index = elements.multiRecord() ? i : null;
            outcomes.add(parseSafely(elements.items().get(i), new ElementContext(record, format, options, index)));
        }
        return List.copyOf(outcomes);
    }

    private ParseOutcome parseSafely(E element, ElementContext context) {
        try {
            return parseElement(element, context);
        } catch (RecordException e) {
            return e.toRejected(context.index());
        } catch (RuntimeException bug) {
            return new ParseOutcome.Rejected(RejectReason.MALFORMED, INTERNAL_ERROR, context.index());
        }
    }

    /**
     * The elements of a message that is one record, a JSON array of records, or an object wrapping the array under
     * one of {@code listKeys} (e.g. a Reports API {@code items} page). Elements are checked one by one with
     * {@link #asObject}, so one bad element does not spoil its siblings.
     */
    protected static Elements<JsonNode> objectsOf(JsonNode root, String... listKeys) throws RecordException {
        if (root.isArray()) {
            return new Elements<>(items(root), true);
        }
        if (!root.isObject()) {
            throw new RecordException(RejectReason.MALFORMED, "record is not a JSON object or array");
        }
        for (String key : listKeys) {
            JsonNode list = root.get(key);
            if (list != null && list.isArray()) {
                return new Elements<>(items(list), true);
            }
        }
        return Elements.single(root);
    }

    private static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>(array.size());
        array.forEach(items::add);
        return items;
    }

    /** The element itself when it is a JSON object. */
    protected static JsonNode asObject(JsonNode element) throws RecordException {
        if (!element.isObject()) {
            throw new RecordException(RejectReason.MALFORMED, "element is not a JSON object");
        }
        return element;
    }
}
