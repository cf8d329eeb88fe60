package dev.sightline.serde;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.util.Utf8;

/**
 * Random generic data for any schema, in the representation Avro's generic reader produces (Utf8
 * strings, raw longs for timestamps), so a decoded datum equals the generated one. Logical types
 * get values inside their legal range, so generated classes can convert them (e.g. to Instant).
 */
final class RandomDatum {

  private static final int MAX_DEPTH = 6;
  private static final int[] CODE_POINTS = "abcXYZ019 _-./:@\"\\\n\téüß€中😀".codePoints().toArray();
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final Random random;

  RandomDatum(long seed) {
    this.random = new Random(seed);
  }

  Object of(Schema schema) {
    return of(schema, 0);
  }

  private Object of(Schema schema, int depth) {
    LogicalType logical = schema.getLogicalType();
    switch (schema.getType()) {
      case RECORD -> {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          record.put(field.pos(), of(field.schema(), depth + 1));
        }
        return record;
      }
      case ENUM -> {
        return new GenericData.EnumSymbol(schema, pick(schema.getEnumSymbols()));
      }
      case ARRAY -> {
        int size = depth >= MAX_DEPTH ? 0 : random.nextInt(4);
        GenericData.Array<Object> array = new GenericData.Array<>(size, schema);
        for (int i = 0; i < size; i++) {
          array.add(of(schema.getElementType(), depth + 1));
        }
        return array;
      }
      case MAP -> {
        int size = depth >= MAX_DEPTH ? 0 : random.nextInt(4);
        Map<Utf8, Object> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
          map.put(new Utf8(text()), of(schema.getValueType(), depth + 1));
        }
        return map;
      }
      case UNION -> {
        List<Schema> branches = schema.getTypes();
        Schema nullBranch = branches.stream().filter(b -> b.getType() == Schema.Type.NULL).findFirst().orElse(null);
        return of(depth >= MAX_DEPTH && nullBranch != null ? nullBranch : pick(branches), depth + 1);
      }
      case FIXED -> {
        byte[] bytes = new byte[schema.getFixedSize()];
        random.nextBytes(bytes);
        return new GenericData.Fixed(schema, bytes);
      }
      case STRING -> {
        return new Utf8(logical != null && logical.getName().equals("uuid")
            ? new UUID(random.nextLong(), random.nextLong()).toString() : text());
      }
      case BYTES -> {
        if (logical instanceof LogicalTypes.Decimal decimal) {
          BigDecimal value = new BigDecimal(BigInteger.valueOf(random.nextLong()), decimal.getScale());
          return new Conversions.DecimalConversion().toBytes(value, schema, decimal);
        }
        byte[] bytes = new byte[random.nextInt(16)];
        random.nextBytes(bytes);
        return ByteBuffer.wrap(bytes);
      }
      case INT -> {
        return logical == null ? random.nextInt() : random.nextInt(86_400_000); // date, time-millis
      }
      case LONG -> {
        if (logical == null) {
          return random.nextLong();
        }
        return logical.getName().equals("time-micros") ? (long) (random.nextDouble() * MICROS_PER_DAY)
            : (long) (random.nextDouble() * 4e12); // timestamps: up to about 2096 in millis
      }
      case FLOAT -> {
        return random.nextFloat();
      }
      case DOUBLE -> {
        return random.nextDouble();
      }
      case BOOLEAN -> {
        return random.nextBoolean();
      }
      case NULL -> {
        return null;
      }
      default -> throw new IllegalArgumentException("unexpected schema type " + schema.getType());
    }
  }

  private String text() {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(CODE_POINTS[random.nextInt(CODE_POINTS.length)]);
    }
    return text.toString();
  }

  private <E> E pick(List<E> options) {
    return options.get(random.nextInt(options.size()));
  }
}
