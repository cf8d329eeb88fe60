package dev.sightline.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The command line of {@link PipelineBenchmark#main} (the app's {@code bench pipeline} has its own, picocli):
 * {@code [--events N] [--seed S] [--partitions P] [--threads T] [--users U] [--latency-seconds L]}.
 */
final class BenchArguments {
    private static final String USAGE = "usage: PipelineBenchmark [--events N] [--seed S] [--partitions P] "
            + "[--threads T] [--users U] [--latency-seconds L]";

    private BenchArguments() {
    }

    /** @throws IllegalArgumentException naming the option and the value that is wrong */
    static BenchSettings parse(String... args) {
        BenchSettings d = BenchSettings.defaults();
        Map<String, Long> values = wholeNumbers(args, Map.of("--events", (long) d.events(), "--seed", d.seed(),
                "--partitions", (long) d.partitions(), "--threads", (long) d.streamThreads(), "--users",
                (long) d.users(), "--latency-seconds", d.latencyRun().toSeconds()), USAGE);
        return new BenchSettings(Math.toIntExact(values.get("--events")), values.get("--seed"),
                Math.toIntExact(values.get("--partitions")), Math.toIntExact(values.get("--threads")),
                Math.toIntExact(values.get("--users")), Duration.ofSeconds(values.get("--latency-seconds")),
                BenchSettings.HALF_CAPACITY);
    }

    /**
     * {@code --option N} pairs over their defaults, for the benchmarks' plain {@code main} methods.
     *
     * @throws IllegalArgumentException naming the option and the value that is wrong
     */
    static Map<String, Long> wholeNumbers(String[] args, Map<String, Long> defaults, String usage) {
        Map<String, Long> values = new HashMap<>(defaults);
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException(usage);
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!values.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage);
            }
            try {
                values.put(args[i], Long.parseLong(args[i + 1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + args[i] + " takes a whole number, got '" + args[i + 1]
                        + "'");
            }
        }
        return values;
    }
}
