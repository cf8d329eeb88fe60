package dev.sightline.app.cli;

import dev.sightline.bench.BenchSettings;
import dev.sightline.bench.PipelineBenchmark;
import dev.sightline.bench.StateBenchSettings;
import dev.sightline.bench.StateBenchmark;
import dev.sightline.classify.ScanBenchmark;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Benchmarks that print figures (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on this machine; each prints its figures and a machine-readable last line.",
        subcommands = {BenchCommand.Scan.class, BenchCommand.Pipeline.class, BenchCommand.State.class})
final class BenchCommand extends CommandGroup {
    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {
                "Measures the sensitive-content scanner on FILE (JSON lines {\"id\",\"text\"} or plain text) on one "
                    + "thread, against a naive one-regex-per-pattern scan of the same rules in the same run.",
                "Last line: scan_mib_per_s=<MiB/s per thread>."})
    static final class Scan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The text to scan.")
        String file;

        @Override
        public Integer call() throws Exception {
            LogFileArguments.requireReadable(List.of(file));
            ScanBenchmark.run(Path.of(file), System.out);
            return 0;
        }
    }

    @Command(name = "pipeline", mixinStandardHelpOptions = true,
            description = {
                "On the embedded broker: loads N simulated raw records, measures a byte passthrough Kafka Streams "
                    + "application (the ceiling) and the full pipeline over them, then the latency from a raw "
                    + "record to its enriched event and alert at half of the pipeline's rate. Takes a few minutes.",
                "Last line: pipeline_eps=<n> passthrough_eps=<n> ratio=<r> p99_ms=<n>."})
    static final class Pipeline implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--events", paramLabel = "N", defaultValue = "" + BenchSettings.DEFAULT_EVENTS,
                description = "Raw records loaded for the throughput runs. Default: ${DEFAULT-VALUE}.")
        int events;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "" + BenchSettings.DEFAULT_SEED,
                description = "Seed of the traffic simulator. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--partitions", paramLabel = "P", defaultValue = "" + BenchSettings.DEFAULT_PARTITIONS,
                description = "Partitions of every topic. Default: ${DEFAULT-VALUE}.")
        int partitions;

        @Option(names = "--threads", paramLabel = "T", defaultValue = "1",
                description = "Stream threads of both applications. Default: ${DEFAULT-VALUE}.")
        int threads;

        @Option(names = "--users", paramLabel = "U", defaultValue = "" + BenchSettings.DEFAULT_USERS,
                description = "Simulated people (and identities). Default: ${DEFAULT-VALUE}.")
        int users;

        @Option(names = "--latency-seconds", paramLabel = "SECONDS",
                defaultValue = "" + BenchSettings.DEFAULT_LATENCY_SECONDS,
                description = "Length of the paced latency run. Default: ${DEFAULT-VALUE}.")
        long latencySeconds;

        @Override
        public Integer call() throws Exception {
            BenchSettings settings;
            try {
                settings = new BenchSettings(events, seed, partitions, threads, users,
                        Duration.ofSeconds(latencySeconds), BenchSettings.HALF_CAPACITY);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            PipelineBenchmark.run(settings, System.out);
            return 0;
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true,
            description = {
                "Drives the whole topology (TopologyTestDriver, real RocksDB stores in a temporary state directory) "
                    + "with U identities and synthetic enriched events in which every user uses each of the first T "
                    + "catalog tools K times over five days of event time; prints the live heap after GC, peak heap, "
                    + "peak RSS and the state directory per store. Run with the heap you mean to check "
                    + "(SIGHTLINE_JAVA_OPTS, default -Xmx1g).",
                "Last line: state_users=<U> state_tools=<T> live_heap_mib=<n> state_dir_mib=<n>."})
    static final class State implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--users", paramLabel = "U", defaultValue = "" + StateBenchSettings.DEFAULT_USERS,
                description = "Identities and users of the events. Default: ${DEFAULT-VALUE}.")
        int users;

        @Option(names = "--tools", paramLabel = "T", defaultValue = "" + StateBenchSettings.DEFAULT_TOOLS,
                description = "Tools of the shipped catalog each user uses. Default: ${DEFAULT-VALUE}.")
        int tools;

        @Option(names = "--uses-per-pair", paramLabel = "K", defaultValue = "" + StateBenchSettings.DEFAULT_USES_PER_PAIR,
                description = "Events per (user, tool) pair. Default: ${DEFAULT-VALUE}.")
        int usesPerPair;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "" + StateBenchSettings.DEFAULT_SEED,
                description = "Seed of the event mix. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Override
        public Integer call() throws Exception {
            StateBenchSettings settings;
            try {
                settings = new StateBenchSettings(users, tools, usesPerPair, seed);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            StateBenchmark.run(settings, System.out);
            return 0;
        }
    }
}
