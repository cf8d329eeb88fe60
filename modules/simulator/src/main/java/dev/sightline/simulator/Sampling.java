package dev.sightline.simulator;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Weighted choice by binary search over cumulative weights: no allocation per draw. */
final class Sampling {
    private Sampling() {
    }

    /** The first index whose cumulative weight exceeds {@code point}. */
    static int index(double[] cumulative, double point) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > point) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    static <T> double[] cumulative(List<T> items, ToDoubleFunction<T> weight) {
        double[] cumulative = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += weight.applyAsDouble(items.get(i));
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** Zipf weights 1/rank^s: rank 1 is the most popular. */
    static double[] zipfCumulative(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    static double total(double[] cumulative) {
        return cumulative[cumulative.length - 1];
    }
}
