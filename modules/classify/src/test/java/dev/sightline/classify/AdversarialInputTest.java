package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Scan time grows linearly on hostile text: compares n against 16n, never absolute time. The factor is large so that
 * linear (16x) and quadratic (256x) work stay far apart even on a loaded machine; time is the thread's CPU time, the
 * best of several runs after a warm-up, so other processes and JIT compilation do not decide the outcome.
 */
class AdversarialInputTest {

    private static final List<IntFunction<String>> HOSTILE = List.of(
            n -> "a.".repeat(n / 2) + "@",
            n -> "1 ".repeat(n / 2),
            n -> "1-".repeat(n / 2),
            n -> "password=".repeat(n / 9),
            n -> "-----BEGIN RSA PRIVATE KEY-----".repeat(n / 31),
            n -> "eyJ" + "a".repeat(n),
            n -> "postgres://u:".repeat(n / 13),
            n -> "sk-".repeat(n / 3),
            n -> "AB12 ".repeat(n / 5),
            n -> "(((((((((({{{{{;;;;;\n".repeat(n / 21),
            n -> "patient E11 ".repeat(n / 12),
            n -> "2a00::".repeat(n / 6),
            n -> "ab:".repeat(n / 3),
            n -> "password for the server is ".repeat(n / 27));

    @Test
    void workGrowsLinearly() {
        ContentScanner scanner = DetectorTest.SCANNER;
        int n = 5_000;
        for (IntFunction<String> hostile : HOSTILE) {
            String small = hostile.apply(n);
            String large = hostile.apply(16 * n);
            bestOf(scanner, large); // warm-up
            long smallNanos = bestOf(scanner, small);
            long largeNanos = bestOf(scanner, large);
            assertThat((double) largeNanos / smallNanos).as("16x input of %s...", small.substring(0, 12)).isLessThan(64.0);
        }
    }

    private static long bestOf(ContentScanner scanner, String text) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = threads.getCurrentThreadCpuTime();
            scanner.scan(text);
            best = Math.min(best, Math.max(1, threads.getCurrentThreadCpuTime() - start));
        }
        return best;
    }
}
