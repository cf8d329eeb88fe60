package dev.sightline.bench.jmh;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.ingest.ParserOptions;
import dev.sightline.ingest.Parsers;
import dev.sightline.ingest.RawRecord;
import dev.sightline.ingest.RecordParser;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Records per second one thread parses, per format, on simulated records (Parsers.create, default options). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParserBenchmark {
    @Param({"squid", "zscaler", "netskope", "ecs", "m365-audit", "chatgpt-compliance", "gemini-audit"})
    public String format;

    private RecordParser parser;
    private RawRecord[] records;
    private int next;

    @Setup
    public void setUp() {
        parser = Parsers.create(format, ParserOptions.defaults());
        records = BenchCorpus.rawRecords(format);
    }

    @Benchmark
    public List<ParseOutcome> parse() {
        return parser.parse(records[next++ & (BenchCorpus.SIZE - 1)]);
    }
}
