package dev.sightline.serde;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;

/**
 * A subject's compatibility level, with the same meaning as in Confluent Schema Registry:
 * BACKWARD = the new schema can read data written with the previous one; FORWARD = the previous
 * one can read data written with the new one; FULL = both; TRANSITIVE = against every earlier
 * version instead of only the latest.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /**
   * Checks a candidate against a subject's versions (oldest first).
   *
   * @return empty if compatible, else what is incompatible, in the registry's style
   */
  public Optional<String> problem(Schema candidate, List<Schema> versions) {
    List<Schema> checked = transitive || versions.isEmpty() ? versions : versions.subList(versions.size() - 1, versions.size());
    for (Schema earlier : checked) {
      Optional<String> problem = newReadsOld ? readProblem(candidate, earlier) : Optional.empty();
      if (problem.isEmpty() && oldReadsNew) {
        problem = readProblem(earlier, candidate);
      }
      if (problem.isPresent()) {
        return Optional.of(name() + " compatibility: " + problem.get());
      }
    }
    return Optional.empty();
  }

  /** Why data written with {@code writer} cannot be read with {@code reader}, if it cannot. */
  static Optional<String> readProblem(Schema reader, Schema writer) {
    SchemaCompatibilityResult result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
    if (result.getCompatibility() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return Optional.empty();
    }
    return Optional.of("reader " + reader.getFullName() + " cannot read writer " + writer.getFullName() + ": "
        + result.getIncompatibilities().stream()
            .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
            .collect(Collectors.joining("; ")));
  }
}
