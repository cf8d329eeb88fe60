package dev.sightline.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** The project's Avro schemas ({@code schemas/}, relative to this module), parsed with the shared named types. */
final class SchemaFiles {

  static final Path DIR = Path.of("../../schemas");

  private SchemaFiles() {}

  /**
   * Every .avsc file's schema by its path relative to {@link #DIR}. One parser reads common/ first,
   * and a file that names a type defined in a file not read yet is retried after the others.
   */
  static Map<String, Schema> all() {
    List<Path> pending = new ArrayList<>(list(DIR.resolve("common")));
    pending.addAll(list(DIR).stream().filter(p -> !p.startsWith(DIR.resolve("common"))).toList());
    Schema.Parser parser = new Schema.Parser();
    Map<String, Schema> schemas = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      List<Path> retry = new ArrayList<>();
      AvroRuntimeException lastFailure = null;
      for (Path file : pending) {
        try {
          schemas.put(DIR.relativize(file).toString(), parser.parse(file.toFile()));
        } catch (AvroRuntimeException e) {
          retry.add(file);
          lastFailure = e;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      if (retry.size() == pending.size()) {
        throw new IllegalStateException("cannot parse " + retry + ": " + lastFailure.getMessage(), lastFailure);
      }
      pending = retry;
    }
    return schemas;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
