package dev.sightline.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Scan time grows linearly on hostile text: compares n against 4n with a generous ratio, never absolute time. */
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
            n -> "patient E11 ".repeat(n / 12));

    @Test
    void workGrowsLinearly() {
        ContentScanner scanner = DetectorTest.SCANNER;
        int n = 10_000;
        for (IntFunction<String> hostile : HOSTILE) {
            String small = hostile.apply(n);
            String large = hostile.apply(4 * n);
            long smallNanos = bestOf(scanner, small);
            long largeNanos = bestOf(scanner, large);
            assertThat((double) largeNanos / smallNanos).as("4x input of %s...", small.substring(0, 12)).isLessThan(12.0);
        }
    }

    private static long bestOf(ContentScanner scanner, String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            scanner.scan(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}
