package dev.sightline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationSettingsTest {

    @Test
    void squidFlavourIsChosenBySettings() {
        SimulationSettings ext = SimulationSettings.defaults().withSquidFormat("squid-ext");
        assertThat(ext.formatWeights()).containsEntry("squid-ext", 0.34).doesNotContainKey("squid");
        assertThat(new TrafficSimulator(ext.onlyFormat("squid-ext")).next().topic())
                .isEqualTo(TrafficSimulator.topicFor("squid"));
    }

    @Test
    void badSettingsAreClearErrors() {
        SimulationSettings d = SimulationSettings.defaults();
        assertThatThrownBy(() -> d.withFormatWeights(Map.of("squid", 1.0, "squid-ext", 1.0)))
                .hasMessageContaining("at most one Squid format");
        assertThatThrownBy(() -> d.withFormatWeights(Map.of("syslog", 1.0))).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> d.withUsers(0)).hasMessageContaining("users");
        assertThatThrownBy(() -> d.withShares(1.5, 0.1, 0.1)).hasMessageContaining("aiShare");
        assertThatThrownBy(() -> d.withClock(d.start(), 0)).hasMessageContaining("clockRate");
        assertThatThrownBy(() -> d.withOrgDomain("Not A Domain")).hasMessageContaining("orgDomain");
        assertThatThrownBy(() -> TrafficSimulator.topicFor("syslog")).hasMessageContaining("syslog");
    }

    @Test
    void everyFormatHasItsRawTopic() {
        SimulationSettings.FORMATS.forEach(f -> assertThat(TrafficSimulator.topicFor(f).kind().name())
                .isEqualTo("RAW"));
    }
}
