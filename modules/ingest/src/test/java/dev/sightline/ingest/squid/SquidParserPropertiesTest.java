package dev.sightline.ingest.squid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Untrusted input never makes a parser throw, and always gives exactly one outcome. */
class SquidParserPropertiesTest {
    private static final List<SquidParser> PARSERS = Stream.of(SquidParser.formatNames().stream()
                    .map(name -> SquidParser.of(name, ParserOptions.defaults())),
            Stream.of(new SquidParser("squid-jsonl", SquidLogFormat.compile(SquidLogFormatTest.JSONL),
                    ParserOptions.defaults())))
            .flatMap(s -> s).toList();

    /** Real lines when the sample directory is there, else a few of them inline. */
    private static final List<String> SEEDS = seeds();

    @Property(tries = 300)
    void randomBytesGiveOneOutcome(@ForAll("anyBytes") byte[] bytes) {
        PARSERS.forEach(p -> assertOneOutcome(p, bytes));
    }

    @Property(tries = 300)
    void randomTextGiveOneOutcome(@ForAll("squidishText") String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        PARSERS.forEach(p -> assertOneOutcome(p, bytes));
    }

    @Property(tries = 1000)
    void mutatedRealLinesGiveOneOutcomeAndRejectionsQuoteNothing(@ForAll("mutatedLines") byte[] line) {
        for (SquidParser parser : PARSERS) {
            ParseOutcome outcome = assertOneOutcome(parser, line);
            if (outcome instanceof ParseOutcome.Rejected rejected) {
                String text = new String(line, StandardCharsets.UTF_8);
                Arrays.stream(text.split("[ \"\\[\\]]+")).filter(t -> t.length() >= 8)
                        .filter(t -> !parser.logFormat().definition().contains(t))
                        .forEach(t -> assertThat(rejected.reason()).doesNotContain(t));
            }
        }
    }

    private static ParseOutcome assertOneOutcome(SquidParser parser, byte[] bytes) {
        List<ParseOutcome> outcomes = parser.parse(SquidSamples.record(parser.format(), "fuzz", 1, bytes));
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<String> squidishText() {
        return Arbitraries.strings().withChars(" \t\"%[]{}:/.-_=,\\0123456789aAzZ").ofMaxLength(200)
                .injectDuplicates(0.1);
    }

    @Provide
    Arbitrary<byte[]> mutatedLines() {
        Arbitrary<byte[]> seed = Arbitraries.of(SEEDS).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Kind.values()),
                Arbitraries.integers().between(0, 10_000), Arbitraries.bytes(), Arbitraries.integers().between(1, 40))
                .as(Mutation::new);
        return Combinators.combine(seed, mutation.list().ofMinSize(1).ofMaxSize(4)).as((bytes, mutations) -> {
            byte[] result = bytes;
            for (Mutation m : mutations) {
                result = m.apply(result);
            }
            return result;
        });
    }

    enum Kind { FLIP, INSERT, DELETE, TRUNCATE, DUPLICATE }

    record Mutation(Kind kind, int position, byte value, int length) {
        byte[] apply(byte[] in) {
            if (in.length == 0) {
                return new byte[] {value};
            }
            int at = position % in.length;
            return switch (kind) {
                case FLIP -> {
                    byte[] out = in.clone();
                    out[at] = value;
                    yield out;
                }
                case INSERT -> {
                    byte[] out = new byte[in.length + 1];
                    System.arraycopy(in, 0, out, 0, at);
                    out[at] = value;
                    System.arraycopy(in, at, out, at + 1, in.length - at);
                    yield out;
                }
                case DELETE -> {
                    int n = Math.min(length, in.length - at);
                    byte[] out = new byte[in.length - n];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, at + n, out, at, in.length - at - n);
                    yield out;
                }
                case TRUNCATE -> Arrays.copyOf(in, at);
                case DUPLICATE -> {
                    int n = Math.min(length, in.length - at);
                    byte[] out = new byte[in.length + n];
                    System.arraycopy(in, 0, out, 0, at + n);
                    System.arraycopy(in, at, out, at + n, in.length - at);
                    yield out;
                }
            };
        }
    }

    private static List<String> seeds() {
        if (Files.isDirectory(SquidSamples.DIR)) {
            return Stream.of("access.log", "access_common.log", "access_ext.log")
                    .flatMap(f -> SquidSamples.lines(f).stream()).toList();
        }
        return List.of(
                "1795805792.485     39 127.0.0.1 TCP_MISS/200 370 GET http://www.example.com/ alice"
                        + " HIER_DIRECT/127.0.0.1 application/json",
                "127.0.0.1 - alice [27/Nov/2026:18:56:32 +0000] \"GET http://www.example.com/ HTTP/1.1\" 200 370"
                        + " TCP_MISS:HIER_DIRECT",
                SquidLogFormatTest.jsonLine("bob", "OpenAI/Python 1.54.3"));
    }
}
