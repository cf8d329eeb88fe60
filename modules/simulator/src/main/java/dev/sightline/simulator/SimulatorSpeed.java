package dev.sightline.simulator;

/**
 * Prints how many records per second one thread generates, per format and mixed: {@code java -cp ...
 * dev.sightline.simulator.SimulatorSpeed [records]}. A figure to read, not a test.
 */
public final class SimulatorSpeed {
    private SimulatorSpeed() {
    }

    public static void main(String[] args) {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        SimulationSettings mixed = SimulationSettings.defaults();
        measure("mixed (warm-up)", mixed, records);
        measure("mixed", mixed, records);
        for (String format : SimulationSettings.FORMATS) {
            measure(format, mixed.onlyFormat(format), records / 4);
        }
    }

    private static void measure(String name, SimulationSettings settings, int records) {
        TrafficSimulator simulator = new TrafficSimulator(settings);
        long bytes = 0;
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            bytes += simulator.next().value().length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-20s records_per_s=%,.0f us_per_record=%.2f mean_bytes=%d%n", name, records / seconds,
                seconds * 1e6 / records, bytes / records);
    }
}
