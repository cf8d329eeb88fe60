package dev.sightline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistributionTest {
    private static final SimulationSettings SETTINGS = SimulationSettings.defaults();
    private static List<SimulatedRecord> records;

    @BeforeAll
    static void simulate() {
        records = new TrafficSimulator(SETTINGS).stream().limit(40_000).toList();
    }

    @Test
    void formatsInTheConfiguredProportions() {
        // without TLS interception Squid writes one line per transaction, so shares are comparable
        List<SimulatedRecord> records = new TrafficSimulator(SETTINGS.withSquidTlsInterception(false)).stream()
                .limit(40_000).toList();
        Map<String, Long> counts = records.stream().collect(Collectors.groupingBy(SimulatedRecord::format,
                Collectors.counting()));
        SETTINGS.formatWeights().forEach((format, weight) ->
                assertThat(counts.getOrDefault(format, 0L) / (double) records.size()).as(format)
                        .isCloseTo(weight, within(0.02)));
    }

    @Test
    void aiDestinationsMakeTheConfiguredShareOfProxyTraffic() {
        List<SimulatedRecord> proxy = records.stream().filter(r -> r.labels().host() != null
                && r.labels().transaction() && !r.format().equals("chatgpt-compliance")).toList();
        assertThat(share(proxy, r -> r.labels().ai())).isCloseTo(SETTINGS.aiShare(), within(0.04));
    }

    @Test
    void sensitivePromptsMakeTheConfiguredShareOfContent() {
        List<SimulatedRecord> withContent = records.stream().filter(r -> r.labels().content()).toList();
        assertThat(withContent.size()).isGreaterThan(1_000);
        assertThat(share(withContent, r -> !r.labels().sensitive().isEmpty()))
                .isCloseTo(SETTINGS.sensitiveShare(), within(0.03));
        assertThat(share(withContent, r -> r.labels().hardNegative()))
                .isCloseTo(SETTINGS.hardNegativeShare(), within(0.02));
    }

    @Test
    void popularityIsALongTail() {
        Map<String, Long> byHost = records.stream().filter(r -> r.labels().ai() && r.labels().host() != null)
                .collect(Collectors.groupingBy(r -> r.labels().host(), Collectors.counting()));
        long top = byHost.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long total = byHost.values().stream().mapToLong(Long::longValue).sum();
        assertThat(byHost).hasSizeGreaterThan(35);
        assertThat(top / (double) total).isBetween(0.15, 0.45);
    }

    @Test
    void blockedAttemptsAreRepeatedByTheSamePerson() {
        Map<String, Integer> attempts = new HashMap<>();
        records.stream().filter(r -> r.labels().blocked() && r.labels().ai())
                .forEach(r -> attempts.merge(r.labels().user() + " " + r.labels().host(), 1, Integer::sum));
        assertThat(attempts).isNotEmpty();
        assertThat(attempts.values().stream().filter(n -> n >= 2).count())
                .isGreaterThan(attempts.size() / 3);
    }

    @Test
    void personalAccountsUploadsAndLabelledFilesOccur() {
        assertThat(records).anyMatch(r -> r.labels().personal());
        assertThat(records).anyMatch(r -> r.labels().intent() == Intent.UPLOAD && r.labels().uploadFileName() != null);
        assertThat(records).anyMatch(r -> r.labels().assetLabels().contains("Highly Confidential"));
        assertThat(records).anyMatch(r -> r.labels().tunnel());
        assertThat(records.stream().flatMap(r -> r.labels().sensitive().stream()).distinct().count())
                .isGreaterThanOrEqualTo(12);
    }

    private static double share(List<SimulatedRecord> list, Predicate<SimulatedRecord> test) {
        return list.stream().filter(test).count() / (double) list.size();
    }
}
