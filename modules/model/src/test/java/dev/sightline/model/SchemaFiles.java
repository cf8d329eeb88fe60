package dev.sightline.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** The .avsc files of the project, parsed together so that files may refer to each other's named types. */
final class SchemaFiles {

    private SchemaFiles() {
    }

    /** The schemas directory: set by the build, or found relative to the module when a test runs from an IDE. */
    static Path directory() {
        return Path.of(System.getProperty("sightline.schemas.dir", "../../schemas"));
    }

    /**
     * Every .avsc file under the schemas directory, by path, each parsed to its schema. Like the code generator,
     * parses a file once the named types it refers to are known (Avro's own forward references fail on defaults
     * of types not yet parsed).
     */
    static Map<Path, Schema> parseAll() {
        List<Path> pending;
        try (Stream<Path> files = Files.walk(directory())) {
            pending = files.filter(p -> p.toString().endsWith(".avsc")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Path, Schema> parsed = new LinkedHashMap<>();
        Map<String, Schema> known = new LinkedHashMap<>();
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (Iterator<Path> it = pending.iterator(); it.hasNext(); ) {
                Path path = it.next();
                Schema.Parser parser = new Schema.Parser().addTypes(known.values());
                try {
                    parsed.put(path, parser.parse(path.toFile()));
                } catch (AvroRuntimeException referencesATypeNotYetParsed) {
                    continue;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                known.putAll(parser.getTypes());
                it.remove();
            }
            if (pending.size() == before) {
                throw new IllegalStateException("cannot parse " + pending + ": syntax error or undefined type");
            }
        }
        return parsed;
    }

    /** Every record and enum reachable from the given schemas, each once. */
    static List<Schema> namedTypes(Iterable<Schema> roots) {
        Map<String, Schema> seen = new LinkedHashMap<>();
        roots.forEach(root -> collect(root, seen));
        return new ArrayList<>(seen.values());
    }

    private static void collect(Schema schema, Map<String, Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(f -> collect(f.schema(), seen));
                }
            }
            case ENUM, FIXED -> seen.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collect(schema.getElementType(), seen);
            case MAP -> collect(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(t -> collect(t, seen));
            default -> { }
        }
    }
}
