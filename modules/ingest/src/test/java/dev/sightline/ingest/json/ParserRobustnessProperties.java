package dev.sightline.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.RejectReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Properties every JSON parser must have, whatever the input: no exception, at least one outcome, never the
 * last-resort internal rejection (which would mean a parser bug), one outcome per element of an array of records, and
 * a clean TOO_LARGE for hostile nesting. Then the hostile inputs every parser must turn into a typed rejection: a
 * 10 MB record, 100 000 levels of nesting, every truncation of a sample, invalid UTF-8, NUL bytes, and times far in
 * the past or future or beyond 64 bits. Subclasses name the parser, its valid samples, the keys worth fuzzing and
 * the field holding the record's time.
 */
public abstract class ParserRobustnessProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract RecordParser parser();

    /** Valid sample records of the format, one per entry. */
    protected abstract List<String> validSamples();

    /** Keys of the format, so that random trees sometimes look like real records. */
    protected abstract List<String> knownKeys();

    /** Name of the field(s) holding the event time, wherever they occur in a record (e.g. {@code created_at}). */
    protected abstract String timeField();

    /** True when one array element may expand to several outcomes (ChatGPT conversations with messages). */
    protected boolean elementsMayExpand() {
        return false;
    }

    @Property(tries = 100)
    void randomBytesNeverBreakTheParser(@ForAll @Size(max = 400) byte[] bytes) {
        assertWellBehaved(parse(bytes));
    }

    @Property(tries = 100)
    void randomJsonTreesYieldOneOutcomePerElement(@ForAll("jsonTrees") Object tree) throws JsonProcessingException {
        List<ParseOutcome> outcomes = parse(JSON.writeValueAsBytes(tree));
        assertWellBehaved(outcomes);
        if (tree instanceof List<?> elements && !elements.isEmpty() && !elementsMayExpand()) {
            assertThat(outcomes).hasSize(elements.size());
        }
    }

    @Property(tries = 100)
    void mutatedSamplesNeverBreakTheParser(@ForAll("sampleIndex") int sample, @ForAll("mutations") List<int[]> edits) {
        byte[] bytes = validSamples().get(sample).getBytes(StandardCharsets.UTF_8);
        for (int[] edit : edits) {
            bytes = mutate(bytes, edit);
        }
        assertWellBehaved(parse(bytes));
    }

    @Property(tries = 100)
    void samplesWithAFieldOfTheWrongTypeAreReadOrRejected(@ForAll("sampleIndex") int sample,
            @ForAll @IntRange(min = 0, max = 10_000) int fieldChoice, @ForAll("jsonTrees") Object replacement)
            throws JsonProcessingException {
        JsonNode root = JSON.readTree(validSamples().get(sample));
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        ObjectNode target = objects.get(fieldChoice % objects.size());
        if (!target.isEmpty()) {
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            target.set(names.get(fieldChoice % names.size()), JSON.valueToTree(replacement));
        }
        assertWellBehaved(parse(JSON.writeValueAsBytes(root)));
    }

    @Property(tries = 10)
    void deepNestingIsRejectedAsTooLarge(@ForAll @IntRange(min = 65, max = 5_000) int depth,
            @ForAll boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        String json = open.repeat(depth) + "1" + close.repeat(depth);
        List<ParseOutcome> outcomes = parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(outcomes).singleElement().isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                rejected -> assertThat(rejected.reasonCode()).isEqualTo(RejectReason.TOO_LARGE));
    }

    @Test
    void aTenMegabyteRecordIsRejectedAsTooLarge() throws JsonProcessingException {
        ObjectNode record = (ObjectNode) JSON.readTree(validSamples().get(0));
        record.put("padding", "x".repeat(10 << 20));
        assertOnlyRejections(parse(JSON.writeValueAsBytes(record)), RejectReason.TOO_LARGE);
    }

    @Test
    void aHundredThousandLevelsOfNestingAreRejectedWithoutExhaustingTheStack() {
        int depth = 100_000;
        assertOnlyRejections(parse(("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8)),
                RejectReason.TOO_LARGE);
        assertOnlyRejections(parse(("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))
                .getBytes(StandardCharsets.UTF_8)), RejectReason.TOO_LARGE);
    }

    @Test
    void everyTruncationOfASampleIsRejected() {
        for (String sample : validSamples()) {
            byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
            for (int length = 0; length < bytes.length; length++) {
                List<ParseOutcome> outcomes = parse(Arrays.copyOf(bytes, length));
                assertThat(outcomes).as("first %d bytes of %s", length, sample).singleElement()
                        .isInstanceOfSatisfying(ParseOutcome.Rejected.class, rejected -> assertThat(
                                rejected.reasonCode()).isIn(RejectReason.MALFORMED, RejectReason.BAD_ENCODING));
            }
        }
    }

    @Test
    void invalidUtf8IsRejectedAsBadEncoding() {
        byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                {(byte) 0xE2, (byte) 0x82}};
        for (byte[] sequence : invalid) {
            assertOnlyRejections(parse(insertIntoFirstValue(sequence)), RejectReason.BAD_ENCODING);
        }
    }

    @Test
    void nulBytesAreRejectedOrReadButNeverBreakTheParser() {
        assertOnlyRejections(parse(insertIntoFirstValue(new byte[] {0})), RejectReason.MALFORMED);
        assertOnlyRejections(parse("\u0000".getBytes(StandardCharsets.UTF_8)), RejectReason.MALFORMED);
        assertWellBehaved(parse(insertIntoFirstValue("\\u0000".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void timesFarInThePastOrFutureOrBeyondSixtyFourBitsAreBadTimestamps() throws JsonProcessingException {
        List<JsonNode> hostile = List.of(
                TextNode.valueOf("0001-01-01T00:00:00Z"), TextNode.valueOf("0001-01-01T00:00:00"),
                TextNode.valueOf("0001-01-01 00:00:00"), TextNode.valueOf("9999-12-31T23:59:59Z"),
                TextNode.valueOf("9999-12-31T23:59:59"), TextNode.valueOf("9999-12-31 23:59:59"),
                TextNode.valueOf("+999999999-12-31T23:59:59Z"), TextNode.valueOf("-999999999-01-01T00:00:00Z"),
                LongNode.valueOf(-1_000_000_000_000_000L), LongNode.valueOf(1_000_000_000_000_000L),
                TextNode.valueOf("-1000000000000000"), TextNode.valueOf("1000000000000000"),
                LongNode.valueOf(Long.MAX_VALUE), LongNode.valueOf(Long.MIN_VALUE), LongNode.valueOf(-1),
                BigIntegerNode.valueOf(BigInteger.TWO.pow(64)), TextNode.valueOf("18446744073709551616"),
                TextNode.valueOf(Long.toString(Long.MIN_VALUE)), DecimalNode.valueOf(new BigDecimal("1e400")),
                TextNode.valueOf("1e400"));
        for (JsonNode time : hostile) {
            JsonNode record = JSON.readTree(validSamples().get(0));
            assertThat(setEverywhere(record, timeField(), time)).as("a sample has field %s", timeField()).isPositive();
            List<ParseOutcome> outcomes = parse(JSON.writeValueAsBytes(record));
            assertThat(outcomes).as("%s = %s", timeField(), time)
                    .noneMatch(outcome -> outcome instanceof ParseOutcome.Parsed)
                    .anyMatch(outcome -> outcome instanceof ParseOutcome.Rejected);
            assertOnlyRejections(outcomes.stream().filter(o -> o instanceof ParseOutcome.Rejected).toList(),
                    RejectReason.BAD_TIMESTAMP);
        }
    }

    @Provide
    Arbitrary<Integer> sampleIndex() {
        return Arbitraries.integers().between(0, validSamples().size() - 1);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as((kind, position, value) -> new int[] {kind, position, value});
        return edit.list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Object> jsonTrees() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of("", "-", "NA", "2025-06-12 09:14:03", "2025-06-12T09:14:03", "1749719643",
                        "user", "CopilotInteraction", "gemini_in_workspace_apps", "token", "chatgpt.com",
                        "https://chatgpt.com/c/1", "POST", "CONNECT", "200", "Allowed").map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(knownKeys()), Arbitraries.strings().ofMaxLength(8));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(list -> (Object) list),
                Arbitraries.maps(keys, inner).ofMaxSize(5).map(map -> (Object) new LinkedHashMap<>(map))), 0, 3);
    }

    private List<ParseOutcome> parse(byte[] bytes) {
        return parser().parse(Samples.raw(parser().format(), bytes));
    }

    private static void assertOnlyRejections(List<ParseOutcome> outcomes, RejectReason reasonCode) {
        assertThat(outcomes).isNotEmpty().allSatisfy(outcome -> assertThat(outcome)
                .isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reasonCode()).as(rejected.reason()).isEqualTo(reasonCode)));
    }

    /** The first sample with {@code bytes} inserted at the start of its first string value. */
    private byte[] insertIntoFirstValue(byte[] bytes) {
        byte[] sample = validSamples().get(0).getBytes(StandardCharsets.UTF_8);
        int at = validSamples().get(0).indexOf("\":\"") + 3;
        assertThat(at).as("a sample with a string value").isGreaterThan(2);
        byte[] out = new byte[sample.length + bytes.length];
        System.arraycopy(sample, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(sample, at, out, at + bytes.length, sample.length - at);
        return out;
    }

    /** Sets every field named {@code name} in the tree to {@code value}; returns how many there were. */
    private static int setEverywhere(JsonNode node, String name, JsonNode value) {
        int count = 0;
        if (node instanceof ObjectNode object && object.has(name)) {
            object.set(name, value);
            count++;
        }
        for (JsonNode child : node) {
            count += setEverywhere(child, name, value);
        }
        return count;
    }

    private static void assertWellBehaved(List<ParseOutcome> outcomes) {
        assertThat(outcomes).isNotEmpty().doesNotContainNull();
        for (ParseOutcome outcome : outcomes) {
            if (outcome instanceof ParseOutcome.Rejected rejected) {
                assertThat(rejected.reason()).isNotEqualTo(JsonRecordParser.INTERNAL_ERROR);
            }
        }
    }

    private static byte[] mutate(byte[] bytes, int[] edit) {
        if (bytes.length == 0) {
            return new byte[] {(byte) edit[2]};
        }
        int at = edit[1] % bytes.length;
        byte value = (byte) edit[2];
        List<Byte> list = new ArrayList<>(bytes.length + 1);
        for (byte b : bytes) {
            list.add(b);
        }
        switch (edit[0]) {
            case 0 -> list.set(at, value);
            case 1 -> list.remove(at);
            case 2 -> list.add(at, value);
            case 3 -> list.subList(at, list.size()).clear();
            default -> list.addAll(at, new ArrayList<>(list.subList(at, Math.min(list.size(), at + 1 + (value & 15)))));
        }
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collectObjects(child, into));
    }
}
