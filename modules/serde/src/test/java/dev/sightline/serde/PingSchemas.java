package dev.sightline.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Two versions of a small schema: v2 adds a field with a default, which BACKWARD compatibility allows. */
final class PingSchemas {

  static final Schema V1 = new Schema.Parser().parse("""
      {"type": "record", "name": "Ping", "namespace": "dev.sightline.serde.test", "fields": [
        {"name": "id", "type": "string"},
        {"name": "count", "type": "int"}
      ]}""");

  static final Schema V2 = new Schema.Parser().parse("""
      {"type": "record", "name": "Ping", "namespace": "dev.sightline.serde.test", "fields": [
        {"name": "id", "type": "string"},
        {"name": "count", "type": "int"},
        {"name": "source", "type": "string", "default": "unknown"}
      ]}""");

  /** Drops {@code count} and adds {@code owner} without a default: it cannot read v1 data. */
  static final Schema INCOMPATIBLE = new Schema.Parser().parse("""
      {"type": "record", "name": "Ping", "namespace": "dev.sightline.serde.test", "fields": [
        {"name": "id", "type": "string"},
        {"name": "owner", "type": "string"}
      ]}""");

  private PingSchemas() {}

  static GenericRecord v1(String id, int count) {
    GenericData.Record record = new GenericData.Record(V1);
    record.put("id", id);
    record.put("count", count);
    return record;
  }
}
