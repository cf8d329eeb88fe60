package dev.sightline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Topic value schemas evolve backward-compatibly: a new reader must read everything an old writer wrote. */
class SchemaEvolutionTest {

    private static final List<String> TOPIC_VALUE_SCHEMAS = List.of("AiUsageEvent", "AiTool", "Identity", "DataAsset",
            "Policy", "Alert", "AuditRecord", "InventoryEntry", "LineageEdge", "DeadLetter");

    private static final String JAVA_STRING_PROPERTY = ",\"avro.java.string\":\"String\"";

    static Stream<Class<?>> avroValueTypes() {
        return Arrays.stream(Topic.values()).map(Topic::valueType)
                .filter(SpecificRecord.class::isAssignableFrom).distinct();
    }

    @Test
    void everyTopicValueSchemaIsTheValueTypeOfATopic() {
        assertThat(avroValueTypes().map(Class::getSimpleName)).containsExactlyInAnyOrderElementsOf(TOPIC_VALUE_SCHEMAS);
    }

    @ParameterizedTest
    @MethodSource("avroValueTypes")
    void generatedClassMatchesItsSchemaFile(Class<?> type) throws ReflectiveOperationException {
        Map<Path, Schema> files = SchemaFiles.parseAll();
        Schema fromFile = files.get(SchemaFiles.directory().resolve(type.getSimpleName() + ".avsc"));
        assertThat(fromFile).as("top-level schema file of " + type.getSimpleName()).isNotNull();
        // the generator marks strings and map keys with the Java type it chose (stringType=String); nothing else may differ
        String generated = classSchema(type).toString().replace(JAVA_STRING_PROPERTY, "")
                .replace("{\"type\":\"string\"}", "\"string\"");
        assertThat(generated).isEqualTo(fromFile.toString());
    }

    @ParameterizedTest
    @MethodSource("avroValueTypes")
    void addingAFieldWithADefaultIsBackwardCompatible(Class<?> type) throws ReflectiveOperationException {
        Schema current = classSchema(type);
        Schema next = withField(current, new Schema.Field("addedLater", Schema.create(Schema.Type.STRING), "Added.", ""));

        assertThat(readerCanRead(next, current)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(readerCanRead(current, current)).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @MethodSource("avroValueTypes")
    void addingAFieldWithoutADefaultIsRefused(Class<?> type) throws ReflectiveOperationException {
        Schema current = classSchema(type);
        Schema next = withField(current, new Schema.Field("addedLater", Schema.create(Schema.Type.STRING), "Added."));

        assertThat(readerCanRead(next, current)).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static SchemaCompatibilityType readerCanRead(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }

    private static Schema classSchema(Class<?> type) throws ReflectiveOperationException {
        return (Schema) type.getMethod("getClassSchema").invoke(null);
    }

    /** A copy of the record schema with one more field at the end (fields cannot be shared between schemas). */
    private static Schema withField(Schema record, Schema.Field added) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(added);
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
