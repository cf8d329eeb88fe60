package dev.sightline.classify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The {@code scan} command's front end: reads JSON lines {@code {"id","text"}} and writes one line per document,
 * {@code {"id","findings":[{"type","data_class","start","end","confidence"}]}} (plus {@code "truncated":true} when
 * the text was longer than the configured maximum). A bad line gets an error line on the error writer naming its
 * line number and what is wrong (never its content), and the rest goes on.
 */
public final class JsonLinesScanner {

    /** What a run did. */
    public record Summary(long documents, long findings, long badLines) {
    }

    private final ContentScanner scanner;
    private final ObjectMapper json = new ObjectMapper();
    private final JsonFactory factory = json.getFactory();

    public JsonLinesScanner(ContentScanner scanner) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
    }

    public Summary run(Reader in, Writer out, Writer errors) throws IOException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in);
        long documents = 0;
        long findings = 0;
        long bad = 0;
        long lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String problem = null;
            JsonNode node = null;
            try {
                node = json.readTree(line);
                problem = checkShape(node);
            } catch (JsonProcessingException e) {
                problem = "not valid JSON" + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")");
            }
            if (problem != null) {
                bad++;
                errors.write("line " + lineNumber + ": " + problem + System.lineSeparator());
                continue;
            }
            ScanResult result = scanner.scan(node.get("text").asText());
            out.write(toJson(node.get("id"), result));
            out.write('\n');
            documents++;
            findings += result.findings().size();
        }
        out.flush();
        errors.flush();
        return new Summary(documents, findings, bad);
    }

    private static String checkShape(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "expected a JSON object {\"id\", \"text\"}";
        }
        if (!node.path("text").isTextual()) {
            return "field \"text\" is missing or not a string";
        }
        if (!node.has("id") || !(node.get("id").isTextual() || node.get("id").isNumber())) {
            return "field \"id\" is missing or not a string or number";
        }
        return null;
    }

    private String toJson(JsonNode id, ScanResult result) {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeFieldName("id");
            json.writeTree(g, id);
            g.writeArrayFieldStart("findings");
            for (Finding f : result.findings()) {
                g.writeStartObject();
                g.writeStringField("type", f.type().name());
                g.writeStringField("data_class", f.dataClass().name());
                g.writeNumberField("start", f.start());
                g.writeNumberField("end", f.end());
                g.writeNumberField("confidence", f.confidence());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (result.truncated()) {
                g.writeBooleanField("truncated", true);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return buffer.toString();
    }
}
