package dev.sightline.bench;

import java.util.Locale;

/**
 * The figures {@code bench pipeline} ends with: both rates (raw records per second), their ratio and the p99 latency
 * from a raw record to its alert at half of the pipeline's capacity.
 */
public record BenchResult(double pipelineEps, double passthroughEps, double p99Ms) {
    public BenchResult {
        if (!(pipelineEps >= 0) || !(passthroughEps > 0) || !(p99Ms >= 0)) {
            throw new IllegalArgumentException("rates and latency must be non-negative numbers and the passthrough "
                    + "rate positive, got " + pipelineEps + ", " + passthroughEps + ", " + p99Ms);
        }
    }

    public double ratio() {
        return pipelineEps / passthroughEps;
    }

    /** The machine-readable last line: {@code pipeline_eps=<n> passthrough_eps=<n> ratio=<r> p99_ms=<n>}. */
    public String lastLine() {
        return String.format(Locale.ROOT, "pipeline_eps=%d passthrough_eps=%d ratio=%.2f p99_ms=%d",
                Math.round(pipelineEps), Math.round(passthroughEps), ratio(), Math.round(p99Ms));
    }
}
