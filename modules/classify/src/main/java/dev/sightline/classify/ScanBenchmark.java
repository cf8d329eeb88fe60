package dev.sightline.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench scan FILE}: scanner throughput on one thread over a file of JSON lines {@code {"id","text"}} or plain
 * text, against the naive baseline (every rule's java.util.regex over the whole text, the same validators) in the
 * same run. Rates are medians over rounds and use the thread's CPU time, so that other processes on a shared machine
 * do not count against the scanner; wall-clock rates are printed next to them. The last line printed is
 * {@code scan_mib_per_s=<number>} (CPU-time based, one thread).
 */
public final class ScanBenchmark {

    /** Plain text is cut into documents of about this many characters, at line ends, like pasted prompts. */
    private static final int PLAIN_TEXT_DOCUMENT = 8 * 1024;
    private static final long WARM_UP_NANOS = 2_000_000_000L;
    private static final int ROUNDS = 15;
    private static final int NAIVE_ROUNDS = 3;

    /** What was measured. */
    public record Report(long bytes, int documents, double mibPerSecond, double naiveMibPerSecond) {
        public double speedUp() {
            return mibPerSecond / naiveMibPerSecond;
        }
    }

    private ScanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ScanBenchmark FILE");
            System.exit(2);
        }
        run(Path.of(args[0]), System.out);
    }

    public static Report run(Path file, PrintStream out) throws IOException {
        List<String> documents = readDocuments(file);
        long bytes = documents.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
        if (bytes == 0) {
            throw new IllegalArgumentException(file + " holds no text to scan");
        }
        ScannerConfig config = ScannerConfig.of("sightline-benchmark-key".getBytes(StandardCharsets.UTF_8))
                .withMaxBytes(Integer.MAX_VALUE);
        ContentScanner scanner = new ContentScanner(config);
        out.printf(Locale.ROOT, "documents=%d bytes=%d (%.2f MiB)%n", documents.size(), bytes, mib(bytes));

        long deadline = System.nanoTime() + WARM_UP_NANOS;
        long findings = 0;
        while (System.nanoTime() < deadline) {
            findings = scanAll(scanner, documents, false);
        }
        double fast = measure("prefiltered", scanner, documents, bytes, false, ROUNDS, out);
        scanAll(scanner, documents, true);
        double naive = measure("naive", scanner, documents, bytes, true, NAIVE_ROUNDS, out);
        Report report = new Report(bytes, documents.size(), fast, naive);
        out.printf(Locale.ROOT, "findings_per_pass=%d%n", findings);
        out.printf(Locale.ROOT, "naive_mib_per_s=%.1f speed_up=%.1fx%n", naive, report.speedUp());
        out.printf(Locale.ROOT, "scan_mib_per_s=%.1f%n", fast);
        return report;
    }

    private static double measure(String name, ContentScanner scanner, List<String> documents, long bytes, boolean naive,
                                  int rounds, PrintStream out) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpuRates = new double[rounds];
        double[] wallRates = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            scanAll(scanner, documents, naive);
            cpuRates[round] = mib(bytes) / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            wallRates[round] = mib(bytes) / ((System.nanoTime() - wall) / 1e9);
        }
        double cpuMedian = median(cpuRates);
        out.printf(Locale.ROOT, "%s: %.1f MiB/s per thread (median of %d rounds, CPU time; wall clock %.1f MiB/s)%n",
                name, cpuMedian, rounds, median(wallRates));
        return cpuMedian;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long scanAll(ContentScanner scanner, List<String> documents, boolean naive) {
        long findings = 0;
        for (String d : documents) {
            findings += (naive ? scanner.scanWithoutPrefilter(d) : scanner.scan(d)).findings().size();
        }
        return findings;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** JSON lines when every non-blank line is an object with a string "text"; otherwise plain text. */
    static List<String> readDocuments(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        boolean jsonLines = !lines.isEmpty();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = null;
            if (line.startsWith("{")) {
                try {
                    node = json.readTree(line);
                } catch (IOException e) {
                    node = null;
                }
            }
            if (node == null || !node.path("text").isTextual()) {
                jsonLines = false;
                break;
            }
            texts.add(node.get("text").asText());
        }
        if (jsonLines) {
            return texts;
        }
        List<String> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            current.append(line).append('\n');
            if (current.length() >= PLAIN_TEXT_DOCUMENT) {
                documents.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            documents.add(current.toString());
        }
        return documents;
    }
}
