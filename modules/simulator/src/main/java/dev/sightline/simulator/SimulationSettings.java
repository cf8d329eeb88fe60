package dev.sightline.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to simulate.
 *
 * @param seed                 everything derives from it: same settings, same bytes
 * @param orgDomain            the organisation's DNS domain (UPNs, intranet hosts, SharePoint tenant)
 * @param users                head count
 * @param formatWeights        format name to its share of records; at most one Squid flavour, since all of them
 *                             go to raw.proxy.squid, whose format is configured per deployment
 * @param aiShare              share of proxy transactions that go to AI tools (on average over departments)
 * @param sensitiveShare       share of prompts with content that embed sensitive values
 * @param hardNegativeShare    share of prompts with content that hold look-alikes (test cards, example keys)
 * @param start                event time of the first record
 * @param clockRate            records per second of simulated time: event time advances by exponential gaps of
 *                             mean 1/clockRate s. A caller pacing N records/s in real time sets N to keep event time
 *                             near the wall clock
 * @param squidTlsInterception whether the simulated Squid decrypts HTTPS (ssl-bump): full {@code https://} URLs and
 *                             {@code NONE_NONE/200 0 CONNECT} preambles; else one CONNECT tunnel per connection
 */
public record SimulationSettings(
        long seed,
        String orgDomain,
        int users,
        Map<String, Double> formatWeights,
        double aiShare,
        double sensitiveShare,
        double hardNegativeShare,
        Instant start,
        double clockRate,
        boolean squidTlsInterception) {

    /** Every format the simulator writes, in the order of ARCHITECTURE.md. */
    public static final List<String> FORMATS = List.of("squid", "squid-ext", "squid-common", "squid-combined",
            "zscaler", "netskope", "ecs", "m365-audit", "chatgpt-compliance", "gemini-audit");
    public static final List<String> SQUID_FORMATS = List.of("squid", "squid-ext", "squid-common", "squid-combined");

    public SimulationSettings {
        Objects.requireNonNull(orgDomain, "orgDomain");
        Objects.requireNonNull(start, "start");
        if (!orgDomain.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("orgDomain must be a lower-case DNS name, got '" + orgDomain + "'");
        }
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, got " + users);
        }
        requireShare("aiShare", aiShare);
        requireShare("sensitiveShare", sensitiveShare);
        requireShare("hardNegativeShare", hardNegativeShare);
        if (sensitiveShare + hardNegativeShare > 1) {
            throw new IllegalArgumentException("sensitiveShare + hardNegativeShare must not exceed 1");
        }
        if (!(clockRate > 0) || Double.isInfinite(clockRate)) {
            throw new IllegalArgumentException("clockRate must be a positive number, got " + clockRate);
        }
        formatWeights = Map.copyOf(formatWeights);
        double sum = 0;
        int squidFlavours = 0;
        for (Map.Entry<String, Double> entry : formatWeights.entrySet()) {
            if (!FORMATS.contains(entry.getKey())) {
                throw new IllegalArgumentException("unknown format '" + entry.getKey() + "'; known: " + FORMATS);
            }
            if (!(entry.getValue() >= 0) || Double.isInfinite(entry.getValue())) {
                throw new IllegalArgumentException("weight of " + entry.getKey() + " must be a non-negative number");
            }
            sum += entry.getValue();
            squidFlavours += SQUID_FORMATS.contains(entry.getKey()) && entry.getValue() > 0 ? 1 : 0;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("formatWeights must give some format a positive weight");
        }
        if (squidFlavours > 1) {
            throw new IllegalArgumentException("at most one Squid format: raw.proxy.squid carries one format");
        }
    }

    /**
     * 500 people at acme-corp.example, proxies dominating (Squid native 34 %, Zscaler 24 %, Netskope 14 %, ECS 12 %)
     * over SaaS audit logs (M365 8 %, ChatGPT 5 %, Gemini 3 %), 20 % of web transactions to AI tools, 15 % of prompts
     * sensitive, 5 % hard negatives, 50 records per simulated second, TLS interception on.
     */
    public static SimulationSettings defaults() {
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put("squid", 0.34);
        weights.put("zscaler", 0.24);
        weights.put("netskope", 0.14);
        weights.put("ecs", 0.12);
        weights.put("m365-audit", 0.08);
        weights.put("chatgpt-compliance", 0.05);
        weights.put("gemini-audit", 0.03);
        return new SimulationSettings(42L, "acme-corp.example", 500, weights, 0.20, 0.15, 0.05,
                Instant.parse("2026-03-02T08:00:00Z"), 50.0, true);
    }

    public SimulationSettings withSeed(long newSeed) {
        return new SimulationSettings(newSeed, orgDomain, users, formatWeights, aiShare, sensitiveShare,
                hardNegativeShare, start, clockRate, squidTlsInterception);
    }

    public SimulationSettings withOrgDomain(String domain) {
        return new SimulationSettings(seed, domain, users, formatWeights, aiShare, sensitiveShare, hardNegativeShare,
                start, clockRate, squidTlsInterception);
    }

    public SimulationSettings withUsers(int count) {
        return new SimulationSettings(seed, orgDomain, count, formatWeights, aiShare, sensitiveShare,
                hardNegativeShare, start, clockRate, squidTlsInterception);
    }

    public SimulationSettings withFormatWeights(Map<String, Double> weights) {
        return new SimulationSettings(seed, orgDomain, users, weights, aiShare, sensitiveShare, hardNegativeShare,
                start, clockRate, squidTlsInterception);
    }

    /** Only this format, e.g. for a per-format benchmark. */
    public SimulationSettings onlyFormat(String format) {
        return withFormatWeights(Map.of(format, 1.0));
    }

    /** Writes Squid records in the given flavour, with the weight the current Squid flavour had. */
    public SimulationSettings withSquidFormat(String squidFormat) {
        if (!SQUID_FORMATS.contains(squidFormat)) {
            throw new IllegalArgumentException("not a Squid format: '" + squidFormat + "'; known: " + SQUID_FORMATS);
        }
        Map<String, Double> weights = new LinkedHashMap<>(formatWeights);
        double weight = SQUID_FORMATS.stream().mapToDouble(f -> weights.getOrDefault(f, 0.0)).sum();
        SQUID_FORMATS.forEach(weights::remove);
        weights.put(squidFormat, weight);
        return withFormatWeights(weights);
    }

    public SimulationSettings withShares(double ai, double sensitive, double hardNegative) {
        return new SimulationSettings(seed, orgDomain, users, formatWeights, ai, sensitive, hardNegative, start,
                clockRate, squidTlsInterception);
    }

    public SimulationSettings withClock(Instant startTime, double recordsPerSimulatedSecond) {
        return new SimulationSettings(seed, orgDomain, users, formatWeights, aiShare, sensitiveShare,
                hardNegativeShare, startTime, recordsPerSimulatedSecond, squidTlsInterception);
    }

    public SimulationSettings withSquidTlsInterception(boolean enabled) {
        return new SimulationSettings(seed, orgDomain, users, formatWeights, aiShare, sensitiveShare,
                hardNegativeShare, start, clockRate, enabled);
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
    }
}
