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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Inputs of the micro-benchmarks, all from the traffic simulator (seeded: the same inputs every run). */
final class BenchCorpus {
    static final long SEED = 42L;
    /** A power of two, so benchmarks cycle through the inputs with a mask. */
    static final int SIZE = 4096;

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
     * {@link #SIZE} prompt texts in the simulator's default proportions: mostly clean, 15 % with sensitive values,
     * 5 % with look-alikes. They are the content the parsers extract (ChatGPT compliance records, Zscaler prompts).
     */
    static String[] prompts() {
        TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().withSeed(SEED)
                .onlyFormat("chatgpt-compliance"));
        RecordParser parser = Parsers.create("chatgpt-compliance", ParserOptions.defaults());
        List<String> texts = new ArrayList<>(SIZE);
        for (int i = 0; texts.size() < SIZE; i++) {
            for (ParseOutcome outcome : parser.parse(raw(simulator.next(), i))) {
                if (outcome instanceof ParseOutcome.Parsed parsed && parsed.event().getContent() != null
                        && texts.size() < SIZE) {
                    texts.add(parsed.event().getContent());
                }
            }
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
        return new RawRecord(record.value(), source, Instant.EPOCH);
    }
}
