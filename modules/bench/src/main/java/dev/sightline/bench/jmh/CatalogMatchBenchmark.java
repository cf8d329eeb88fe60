package dev.sightline.bench.jmh;

import dev.sightline.catalog.Catalog;
import dev.sightline.catalog.MatchResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Catalog lookups per second on one thread (Catalog.loadDefault().match) over the simulated traffic's hosts. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogMatchBenchmark {
    private Catalog catalog;
    private String[] hosts;
    private int next;

    @Setup
    public void setUp() {
        catalog = Catalog.loadDefault();
        hosts = BenchCorpus.hosts();
    }

    @Benchmark
    public MatchResult match() {
        return catalog.match(hosts[next++ & (BenchCorpus.SIZE - 1)]);
    }
}
