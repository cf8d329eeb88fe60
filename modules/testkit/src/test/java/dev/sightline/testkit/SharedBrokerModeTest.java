package dev.sightline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedBrokerModeTest {

    @Test
    void parsesModesIgnoringCase() {
        assertThat(SharedBroker.Mode.parse(" Embedded ")).isEqualTo(SharedBroker.Mode.EMBEDDED);
        assertThat(SharedBroker.Mode.parse("container")).isEqualTo(SharedBroker.Mode.CONTAINER);
    }

    @Test
    void namesTheAllowedModesForAnUnknownOne() {
        assertThatThrownBy(() -> SharedBroker.Mode.parse("docker"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sightline.testkit.broker must be one of auto, embedded, container, got 'docker'");
    }
}
