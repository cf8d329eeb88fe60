package dev.sightline.catalog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.sightline.catalog.HostNormalizer.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;

/**
 * The {@code catalog lookup} command's engine: reads host names or URLs, one per line (blank lines and lines starting
 * with {@code #} are skipped), and writes one JSON line each:
 * {@code {"host","match":bool,"tool","vendor","category","sanction"}} — {@code host} normalized, the others null when
 * nothing matches. Input that names no host gets {@code "host":null} and an {@code "error"} reason.
 */
public final class CatalogLookup {
    private static final JsonFactory JSON = new JsonFactory();

    private final Catalog catalog;

    public CatalogLookup(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Looks up every line of {@code in}; returns the number of lines looked up. */
    public long run(BufferedReader in, Writer out) throws IOException {
        long count = 0;
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.setRootValueSeparator(new SerializedString("\n"));
            String line;
            while ((line = in.readLine()) != null) {
                String input = line.strip();
                if (input.isEmpty() || input.startsWith("#")) {
                    continue;
                }
                write(json, input);
                count++;
            }
            if (count > 0) {
                json.writeRaw('\n');
            }
        }
        out.flush();
        return count;
    }

    private void write(JsonGenerator json, String input) throws IOException {
        json.writeStartObject();
        HostNormalizer.Normalized normalized = HostNormalizer.normalize(input);
        MatchResult result = normalized instanceof Target t ? catalog.match(t.host(), t.path()) : catalog.match(input);
        json.writeStringField("host", normalized instanceof Target t ? t.host() : null);
        json.writeBooleanField("match", result.matched());
        if (result instanceof MatchResult.Matched m) {
            json.writeStringField("tool", m.tool().id());
            json.writeStringField("vendor", m.tool().vendor());
            json.writeStringField("category", m.tool().category().id());
            json.writeStringField("sanction", m.sanction().id());
        } else {
            json.writeNullField("tool");
            json.writeNullField("vendor");
            json.writeNullField("category");
            json.writeNullField("sanction");
        }
        if (result instanceof MatchResult.InvalidInput invalid) {
            json.writeStringField("error", invalid.reason());
        }
        json.writeEndObject();
    }
}
