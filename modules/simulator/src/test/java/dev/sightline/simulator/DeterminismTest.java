package dev.sightline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void sameSeedSameBytes() {
        List<SimulatedRecord> first = new TrafficSimulator(SimulationSettings.defaults()).stream().limit(5_000)
                .toList();
        List<SimulatedRecord> second = new TrafficSimulator(SimulationSettings.defaults()).stream().limit(5_000)
                .toList();
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).value()).as("record %d", i).isEqualTo(first.get(i).value());
            assertThat(second.get(i).key()).isEqualTo(first.get(i).key());
            assertThat(second.get(i).eventTime()).isEqualTo(first.get(i).eventTime());
            assertThat(second.get(i).labels()).isEqualTo(first.get(i).labels());
        }
    }

    @Test
    void anotherSeedOtherBytes() {
        byte[] a = new TrafficSimulator(SimulationSettings.defaults()).next().value();
        byte[] b = new TrafficSimulator(SimulationSettings.defaults().withSeed(43)).next().value();
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void eventTimeAdvancesAtTheClockRate() {
        SimulationSettings settings = SimulationSettings.defaults().withClock(
                SimulationSettings.defaults().start(), 100.0);
        List<SimulatedRecord> records = new TrafficSimulator(settings).stream().limit(20_000).toList();
        long spanMillis = records.get(records.size() - 1).eventTime().toEpochMilli()
                - settings.start().toEpochMilli();
        // 20,000 records at 100 per simulated second: about 200 s
        assertThat(spanMillis).isBetween(180_000L, 220_000L);
    }
}
