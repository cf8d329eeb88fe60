package dev.sightline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.model.DataClass;
import dev.sightline.model.Identity;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SimulatedOrganisationTest {
    @Test
    void everySimulatedPersonHasAnIdentityAndEveryLabelAnEntry() {
        TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().withUsers(50));
        ReferenceData data = SimulatedOrganisation.referenceData(simulator.users(), Clock.systemUTC());

        assertThat(data.identities()).hasSize(50).extracting(Identity::getUserId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).isLowerCase().contains("@"));
        assertThat(data.assets()).anySatisfy(asset -> assertThat(asset.getDataClasses())
                .contains(DataClass.CLASSIFIED_ASSET));
        assertThat(data.tools()).hasSizeGreaterThan(600);
        assertThat(data.policy()).hasValueSatisfying(policy -> assertThat(policy.getId()).isEqualTo("default"));
    }
}
