package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.AiTool;
import dev.sightline.model.AiUsageEvent;
import dev.sightline.model.Identity;
import dev.sightline.reference.CatalogRecords;
import dev.sightline.reference.SimulatedOrganisation;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnrichedUsesTest {
    private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration SPAN = Duration.ofDays(5);

    private final Clock clock = Clock.fixed(START, ZoneOffset.UTC);
    private final List<Identity> users = SimulatedOrganisation.referenceData(new TrafficSimulator(
            SimulationSettings.defaults().withUsers(7)).users(), clock).identities();
    private final List<AiTool> tools = CatalogRecords.load(Optional.empty(), clock).subList(0, 6);

    @Test
    void everyUserUsesEveryToolKTimesInEventTimeOrderWithinTheSpan() {
        EnrichedUses uses = new EnrichedUses(users, tools, 3, START, SPAN, 42);
        Map<String, Integer> perPair = new HashMap<>();
        List<Instant> times = new ArrayList<>();
        uses.forEachRemaining(use -> {
            AiUsageEvent event = use.event();
            assertThat(use.user()).isEqualTo(event.getUser());
            perPair.merge(event.getUser() + "|" + event.getTool().getToolId(), 1, Integer::sum);
            times.add(event.getEventTime());
        });

        assertThat(uses.events()).isEqualTo(7 * 6 * 3);
        assertThat(perPair).hasSize(7 * 6).allSatisfy((pair, count) -> assertThat(count).as(pair).isEqualTo(3));
        assertThat(times).isSorted().allSatisfy(t -> assertThat(t).isBetween(START, START.plus(SPAN)));
    }

    @Test
    void theMixCarriesFindingsBlockedAttemptsAndUploads() {
        List<AiUsageEvent> events = new ArrayList<>();
        new EnrichedUses(users, tools, 20, START, SPAN, 1).forEachRemaining(use -> events.add(use.event()));

        assertThat(events).anySatisfy(e -> assertThat(e.getDataClasses()).isNotEmpty())
                .anySatisfy(e -> assertThat(e.getProxyAction().name()).isEqualTo("BLOCKED"))
                .anySatisfy(e -> assertThat(e.getActivity().name()).isEqualTo("UPLOAD"))
                .allSatisfy(e -> assertThat(e.getBytesOut()).isPositive());
        assertThat(events.stream().map(AiUsageEvent::getEventId).distinct()).hasSize(events.size());
        assertThat(events.stream().map(e -> e.getIdentity().getDepartment()).filter(d -> d != null).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void theMultiplierPermutesThePairs() {
        for (long n : List.of(1L, 2L, 12L, 97L, 1000L)) {
            long a = EnrichedUses.coprimeNear(n, (long) (n * 0.618) | 1);
            Set<Long> seen = new HashSet<>();
            for (long i = 0; i < n; i++) {
                seen.add(Math.floorMod(i * a, n));
            }
            assertThat(seen).as("n=%d a=%d", n, a).hasSize((int) n);
        }
    }
}
