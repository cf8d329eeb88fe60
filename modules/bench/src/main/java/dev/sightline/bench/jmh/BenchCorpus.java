package dev.sightline.bench.jmh;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.Parsers;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import dev.sightline.model.SourceCoordinates;
import dev.sightline.simulator.SimulatedRecord;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Inputs of the micro-benchmarks, all from the traffic simulator (seeded: the same inputs every run). */
final class BenchCorpus {
    static final long SEED = 42L;
    /** A power of two, so benchmarks cycle through the inputs with a mask. */
    static final int SIZE = 4096;
    /** Simulated records searched for prompt content before the corpus is taken as it is. */
    private static final int PROMPT_SEARCH_LIMIT = 200_000;

    private BenchCorpus() {
    }

    /** {@link #SIZE} raw records of one format, as the normalize stage receives them. */
    static RawRecord[] rawRecords(String format) {
        TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().withSeed(SEED).onlyFormat(format));
        RawRecord[] records = new RawRecord[SIZE];
        for (int i = 0; i < SIZE; i++) {
            records[i] = raw(simulator.next(), i);
        }
        return records;
    }

    /**
     * Up to {@link #SIZE} prompt texts in the simulator's default proportions (mostly clean, 15 % with sensitive
     * values, 5 % with look-alikes): the content the Zscaler and ChatGPT parsers extract from simulated traffic.
     *
     * @throws IllegalStateException when the simulated traffic yields no content at all
     */
    static String[] prompts() {
        TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().withSeed(SEED)
                .withFormatWeights(Map.of("zscaler", 0.8, "chatgpt-compliance", 0.2)));
        Map<String, RecordParser> parsers = Map.of(
                "zscaler", Parsers.create("zscaler", ParserOptions.defaults()),
                "chatgpt-compliance", Parsers.create("chatgpt-compliance", ParserOptions.defaults()));
        List<String> texts = new ArrayList<>(SIZE);
        for (int i = 0; i < PROMPT_SEARCH_LIMIT && texts.size() < SIZE; i++) {
            SimulatedRecord record = simulator.next();
            for (ParseOutcome outcome : parsers.get(record.format()).parse(raw(record, i))) {
                if (outcome instanceof ParseOutcome.Parsed parsed && parsed.event().getContent() != null) {
                    texts.add(parsed.event().getContent());
                }
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no prompt content in " + PROMPT_SEARCH_LIMIT + " simulated records");
        }
        return texts.toArray(String[]::new);
    }

    /** {@link #SIZE} destination hosts of simulated web traffic, in their proportions (AI tools a minority). */
    static String[] hosts() {
        TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().withSeed(SEED).onlyFormat("zscaler"));
        return simulator.stream().map(record -> record.labels().host()).filter(Objects::nonNull).limit(SIZE)
                .toArray(String[]::new);
    }

    private static RawRecord raw(SimulatedRecord record, long offset) {
        SourceCoordinates source = SourceCoordinates.newBuilder().setFormat(record.format())
                .setTopic(record.topic().baseName()).setPartition(0).setOffset(offset).build();
        // received when it happened: parsers refuse event times far ahead of reception
        return new RawRecord(record.value(), source, record.eventTime());
    }
}
