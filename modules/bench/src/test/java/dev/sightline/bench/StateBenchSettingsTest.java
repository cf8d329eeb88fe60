package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateBenchSettingsTest {
    @Test
    void noArgumentsGiveTheDefaults() {
        assertThat(StateBenchSettings.parse()).isEqualTo(StateBenchSettings.defaults());
    }

    @Test
    void everyOptionIsRead() {
        StateBenchSettings settings = StateBenchSettings.parse("--users", "100000", "--tools", "500",
                "--uses-per-pair", "3", "--seed", "7");

        assertThat(settings).isEqualTo(new StateBenchSettings(100_000, 500, 3, 7));
        assertThat(settings.pairs()).isEqualTo(50_000_000L);
        assertThat(settings.events()).isEqualTo(150_000_000L);
    }

    @Test
    void badArgumentsNameWhatIsWrong() {
        assertThatThrownBy(() -> StateBenchSettings.parse("--users", "many"))
                .hasMessageContaining("--users").hasMessageContaining("many");
        assertThatThrownBy(() -> StateBenchSettings.parse("--tables", "3")).hasMessageContaining("unknown option --tables");
        assertThatThrownBy(() -> StateBenchSettings.parse("--tools")).hasMessageContaining("usage");
        assertThatThrownBy(() -> StateBenchSettings.parse("--tools", "0")).hasMessageContaining("tools must be at least 1");
        assertThatThrownBy(() -> StateBenchSettings.parse("--users", "3000000000")).hasMessageContaining("too large");
    }
}
