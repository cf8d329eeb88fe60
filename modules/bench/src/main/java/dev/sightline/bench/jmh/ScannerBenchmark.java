package dev.sightline.bench.jmh;

import dev.sightline.classify.ContentScanner;
import dev.sightline.classify.ScanResult;
import dev.sightline.classify.ScannerConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The content scanner on one thread over simulated prompts, mostly clean. Prompts per second is the primary figure;
 * the {@code bytes} counter (UTF-8 bytes scanned per second) divided by 2^20 gives MiB/s, the unit of the target.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScannerBenchmark {
    private ContentScanner scanner;
    private String[] prompts;
    private int[] sizes;
    private int next;

    /** Bytes scanned, reported by JMH as a rate next to the primary figure. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Scanned {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup
    public void setUp() {
        scanner = new ContentScanner(ScannerConfig.of("sightline-benchmark-key".getBytes(StandardCharsets.UTF_8)));
        prompts = BenchCorpus.prompts();
        sizes = new int[prompts.length];
        for (int i = 0; i < prompts.length; i++) {
            sizes[i] = prompts[i].getBytes(StandardCharsets.UTF_8).length;
        }
    }

    @Benchmark
    public ScanResult scan(Scanned scanned) {
        int i = next;
        next = i + 1 == prompts.length ? 0 : i + 1;
        scanned.bytes += sizes[i];
        return scanner.scan(prompts[i]);
    }
}
