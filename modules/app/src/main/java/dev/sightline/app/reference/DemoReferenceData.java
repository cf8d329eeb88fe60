package dev.sightline.app.reference;

import dev.sightline.reference.ReferenceData;
import dev.sightline.reference.SimulatedOrganisation;
import dev.sightline.simulator.SimulatedUser;
import java.time.Clock;
import java.util.List;

/** The reference tables the demo runs with: those of the simulated organisation (see {@link SimulatedOrganisation}). */
public final class DemoReferenceData {
    private DemoReferenceData() {
    }

    public static ReferenceTables tables(List<SimulatedUser> people, Clock clock) {
        ReferenceData data = SimulatedOrganisation.referenceData(people, clock);
        return new ReferenceTables(data.tools(), data.identities(), data.assets(), data.policy());
    }
}
