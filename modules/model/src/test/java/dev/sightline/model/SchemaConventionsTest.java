package dev.sightline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema style of the project: docs everywhere, defaults for evolution, UTC millis for time. */
class SchemaConventionsTest {

    private static final Pattern TIME_LIKE = Pattern.compile("time|.*(Time|At|Seen)");

    private static Map<Path, Schema> files;
    private static List<Schema> namedTypes;

    @BeforeAll
    static void parse() {
        files = SchemaFiles.parseAll();
        namedTypes = SchemaFiles.namedTypes(files.values());
    }

    @Test
    void everySchemaFileParsesToANamedTypeOfTheProjectNamespace() {
        assertThat(files).hasSizeGreaterThanOrEqualTo(17);
        files.forEach((path, schema) -> {
            assertThat(schema.getNamespace()).as(path.toString()).isEqualTo("dev.sightline.model");
            assertThat(path.getFileName().toString()).isEqualTo(schema.getName() + ".avsc");
        });
    }

    @Test
    void everyRecordEnumAndFieldHasADoc() {
        List<String> undocumented = new ArrayList<>();
        for (Schema type : namedTypes) {
            if (isBlank(type.getDoc())) {
                undocumented.add(type.getFullName());
            }
            if (type.getType() == Schema.Type.RECORD) {
                type.getFields().stream().filter(f -> isBlank(f.doc()))
                        .forEach(f -> undocumented.add(type.getName() + "." + f.name()));
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyEnumHasAFallbackSymbolForUnknownSymbols() {
        assertThat(namedTypes).filteredOn(t -> t.getType() == Schema.Type.ENUM)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getEnumDefault()).as(e.getName()).isNotNull());
    }

    @Test
    void everyNullableArrayMapOrEnumFieldHasADefault() {
        List<String> missing = new ArrayList<>();
        forEachField((record, field) -> {
            Schema.Type type = field.schema().getType();
            boolean needsDefault = field.schema().isNullable() || type == Schema.Type.ARRAY
                    || type == Schema.Type.MAP || type == Schema.Type.ENUM;
            if (needsDefault && !field.hasDefaultValue()) {
                missing.add(record.getName() + "." + field.name());
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyTimeLikeFieldIsTimestampMillis() {
        List<String> wrong = new ArrayList<>();
        forEachField((record, field) -> {
            if (TIME_LIKE.matcher(field.name()).matches()
                    && !(nonNull(field.schema()).getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
                wrong.add(record.getName() + "." + field.name());
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void auditRecordsEncodeDeterministicallyForTheirHashChain() {
        Schema audit = AuditRecord.getClassSchema();
        // the hash chain hashes the Avro encoding; map entries have no defined order, so no maps anywhere in it
        assertThat(audit.toString()).doesNotContain("\"type\":\"map\"");
    }

    private static void forEachField(BiConsumer<Schema, Schema.Field> visitor) {
        namedTypes.stream().filter(t -> t.getType() == Schema.Type.RECORD)
                .forEach(record -> record.getFields().forEach(f -> visitor.accept(record, f)));
    }

    /** The type of a field with the null branch of a nullable union taken away. */
    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
