package dev.sightline.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sightline.model.AiUsageEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The JSON rendering of an {@link AiUsageEvent} that {@code sightline parse} prints, one object per line. Field names
 * and their order are those of the Avro schema (schemas/AiUsageEvent.avsc), so the rendering follows the schema as it
 * evolves; absent values are {@code null}; timestamps are ISO-8601 UTC strings ({@code 2026-11-27T18:56:32.485Z});
 * enums are their symbol; arrays are JSON arrays; maps are JSON objects with their keys sorted.
 *
 * <p>One exception: {@code content} (prompt text, which may hold secrets) is never printed. In its place come
 * {@code contentPresent} (boolean) and {@code contentLength} (its length in Unicode code points, or null).
 */
final class EventJson {
    static final String CONTENT = "content";
    private static final JsonFactory JSON = new JsonFactory();

    private EventJson() {
    }

    static String render(AiUsageEvent event) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            for (Schema.Field field : event.getSchema().getFields()) {
                if (field.name().equals(CONTENT)) {
                    String content = event.getContent();
                    json.writeBooleanField("contentPresent", content != null);
                    json.writeFieldName("contentLength");
                    writeValue(json, content == null ? null : content.codePointCount(0, content.length()));
                } else {
                    json.writeFieldName(field.name());
                    writeValue(json, event.get(field.pos()));
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string", e);
        }
        return text.toString();
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof IndexedRecord record) {
            json.writeStartObject();
            for (Schema.Field field : record.getSchema().getFields()) {
                json.writeFieldName(field.name());
                writeValue(json, record.get(field.pos()));
            }
            json.writeEndObject();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            Map<String, Object> sorted = new TreeMap<>(); // a stable order, whatever map the record holds
            map.forEach((key, item) -> sorted.put(key.toString(), item));
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                json.writeFieldName(entry.getKey());
                writeValue(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            json.writeStartArray();
            for (Object item : items) {
                writeValue(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else if (value instanceof Instant instant) {
            json.writeString(instant.toString());
        } else if (value instanceof ByteBuffer bytes) {
            json.writeString("<" + bytes.remaining() + " bytes>"); // no raw bytes on a terminal
        } else {
            json.writeString(value.toString()); // strings, enum symbols
        }
    }
}
