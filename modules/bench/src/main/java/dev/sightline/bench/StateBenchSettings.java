package dev.sightline.bench;

import java.util.Map;

/**
 * What {@code bench state} runs: every one of {@code users} people uses each of {@code tools} catalog tools
 * {@code usesPerPair} times.
 *
 * @param users       identities published and users of the synthetic events
 * @param tools       tools of the shipped catalog used, in catalog order
 * @param usesPerPair events per (user, tool) pair
 * @param seed        seed of the event mix (findings, uploads, blocked attempts, order of the pairs)
 */
public record StateBenchSettings(int users, int tools, int usesPerPair, long seed) {
    public static final int DEFAULT_USERS = 10_000;
    public static final int DEFAULT_TOOLS = 20;
    public static final int DEFAULT_USES_PER_PAIR = 1;
    public static final long DEFAULT_SEED = 42L;

    private static final String USAGE = "usage: StateBenchmark [--users U] [--tools T] [--uses-per-pair K] [--seed S]";

    public StateBenchSettings {
        requirePositive("users", users);
        requirePositive("tools", tools);
        requirePositive("usesPerPair", usesPerPair);
    }

    public static StateBenchSettings defaults() {
        return new StateBenchSettings(DEFAULT_USERS, DEFAULT_TOOLS, DEFAULT_USES_PER_PAIR, DEFAULT_SEED);
    }

    /** (user, tool) pairs. */
    public long pairs() {
        return (long) users * tools;
    }

    /** Events fed: pairs x uses per pair. */
    public long events() {
        return pairs() * usesPerPair;
    }

    /**
     * The command line of {@link StateBenchmark#main} (the app's {@code bench state} has its own, picocli).
     *
     * @throws IllegalArgumentException naming the option and the value that is wrong
     */
    static StateBenchSettings parse(String... args) {
        StateBenchSettings d = defaults();
        Map<String, Long> values = BenchArguments.wholeNumbers(args, Map.of("--users", (long) d.users(), "--tools",
                (long) d.tools(), "--uses-per-pair", (long) d.usesPerPair(), "--seed", d.seed()), USAGE);
        try {
            return new StateBenchSettings(Math.toIntExact(values.get("--users")), Math.toIntExact(values.get("--tools")),
                    Math.toIntExact(values.get("--uses-per-pair")), values.get("--seed"));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a count is too large: " + values);
        }
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
