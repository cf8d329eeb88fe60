package dev.sightline.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.RecordParser;
import dev.sightline.ingest.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

/**
 * Properties every JSON parser must have, whatever the input: no exception, at least one outcome, never the
 * last-resort internal rejection (which would mean a parser bug), one outcome per element of an array of records, and
 * a clean TOO_LARGE for hostile nesting. Subclasses name the parser, its valid samples and the keys worth fuzzing.
 */
public abstract class ParserRobustnessProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    protected abstract RecordParser parser();

    /** Valid sample records of the format, one per entry. */
    protected abstract List<String> validSamples();

    /** Keys of the format, so that random trees sometimes look like real records. */
    protected abstract List<String> knownKeys();

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
