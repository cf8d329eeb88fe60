package dev.sightline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class SimulatedRecordPropertiesTest {

    @Property(tries = 40)
    void everyRecordOfAnySeedParses(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int squidFlavour,
            @ForAll boolean interception, @ForAll @DoubleRange(min = 0, max = 0.5) double sensitiveShare,
            @ForAll @IntRange(min = 1, max = 300) int users) {
        SimulationSettings settings = SimulationSettings.defaults().withSeed(seed).withUsers(users)
                .withSquidFormat(SimulationSettings.SQUID_FORMATS.get(squidFlavour))
                .withSquidTlsInterception(interception).withShares(0.3, sensitiveShare, 0.1);
        TrafficSimulator simulator = new TrafficSimulator(settings);
        Parsing parsing = new Parsing();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String problem = parsing.problem(simulator.next());
            if (problem != null) {
                problems.add(problem);
            }
        }
        assertThat(problems).isEmpty();
    }
}
