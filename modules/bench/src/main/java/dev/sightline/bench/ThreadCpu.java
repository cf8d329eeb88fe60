package dev.sightline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this process split by who spent it, from {@code /proc/self/task/<tid>/{comm,stat}} (Linux): the
 * benchmark's broker, clients and stream application share one JVM and two cores, so "what limits the pipeline" is a
 * question of where the CPU went, including the JIT compilers and the GC, which no Java profiler samples.
 * The kernel truncates thread names to 15 characters; the groups go by those prefixes.
 */
final class ThreadCpu {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** utime and stime are counted in clock ticks; USER_HZ is 100 on every Linux this runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    enum Group {
        STREAM_THREADS("stream threads"),
        CLIENT_NETWORK("producer/consumer network threads"),
        BROKER("broker"),
        JIT("JIT compilers"),
        GC("GC"),
        OTHER("other (benchmark clients, probes, VM)");

        private final String label;

        Group(String label) {
            this.label = label;
        }

        static Group of(String threadName) {
            if (threadName.startsWith("sightline-bench") || threadName.contains("StreamThread")) {
                return STREAM_THREADS;
            }
            if (threadName.startsWith("kafka-producer-") || threadName.startsWith("kafka-coordinat")) {
                return CLIENT_NETWORK;
            }
            if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")
                    || threadName.startsWith("Sweeper")) {
                return JIT;
            }
            if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.startsWith("VM Thread")) {
                return GC;
            }
            if (threadName.startsWith("data-plane-kafk") || threadName.startsWith("kafka-") && !threadName.startsWith(
                    "kafka-admin") || threadName.startsWith("group-coordina") || threadName.startsWith("TxnMarker")
                    || threadName.startsWith("AddPartitionsT") || threadName.startsWith("ExpirationReap")
                    || threadName.startsWith("quorum-") || threadName.startsWith("transaction-")) {
                return BROKER;
            }
            return OTHER;
        }
    }

    /** CPU nanoseconds per group at one moment, summed over the threads alive then. */
    record Snapshot(Map<Group, Long> nanos) {
        /** What each group spent since {@code earlier}, per unit of work, in microseconds. */
        String perUnit(Snapshot earlier, long units, String unit) {
            long total = 0;
            StringBuilder text = new StringBuilder();
            for (Group group : Group.values()) {
                long spent = Math.max(0, nanos.getOrDefault(group, 0L) - earlier.nanos.getOrDefault(group, 0L));
                total += spent;
                text.append(String.format(Locale.ROOT, "%s %.0f, ", group.label, spent / 1e3 / units));
            }
            return String.format(Locale.ROOT, "CPU per %s: %.0f µs (%s)", unit, total / 1e3 / units,
                    text.substring(0, text.length() - 2));
        }
    }

    private ThreadCpu() {
    }

    /** Empty where /proc is not there (not Linux). Threads that ended since the last snapshot are not counted. */
    static Optional<Snapshot> snapshot() {
        if (!Files.isDirectory(TASKS)) {
            return Optional.empty();
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            Map<Group, Long> nanos = tasks.map(ThreadCpu::read).flatMap(Optional::stream)
                    .collect(Collectors.groupingBy(Map.Entry::getKey, () -> new EnumMap<>(Group.class),
                            Collectors.summingLong(Map.Entry::getValue)));
            return Optional.of(new Snapshot(nanos));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map.Entry<Group, Long>> read(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            String stat = Files.readString(task.resolve("stat"));
            // fields after the parenthesised name: state is field 3; utime and stime are fields 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Optional.of(Map.entry(Group.of(name), ticks * NANOS_PER_TICK));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the thread ended while being read
        }
    }
}
