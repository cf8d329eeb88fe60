package dev.sightline.detect.state;

/**
 * Exponentially weighted mean and variance of a series (West's incremental form): recent windows weigh more, old
 * ones fade, and the state stays three numbers whatever the history.
 */
public record Ewma(double mean, double variance, long samples) {
    public static final Ewma EMPTY = new Ewma(0, 0, 0);

    public Ewma add(double x, double alpha) {
        if (samples == 0) {
            return new Ewma(x, 0, 1);
        }
        double diff = x - mean;
        double increment = alpha * diff;
        return new Ewma(mean + increment, (1 - alpha) * (variance + diff * increment), samples + 1);
    }

    public double standardDeviation() {
        return Math.sqrt(Math.max(0, variance));
    }
}
