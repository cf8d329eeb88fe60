package dev.sightline.detect.rules;

import static dev.sightline.detect.Fixtures.T0;
import static dev.sightline.detect.Fixtures.context;
import static dev.sightline.detect.Fixtures.event;
import static dev.sightline.detect.Fixtures.tool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.detect.Detection;
import dev.sightline.detect.Fixtures;
import dev.sightline.detect.state.Ewma;
import dev.sightline.model.SanctionStatus;
import dev.sightline.model.ToolMatch;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadAnomalyRuleTest {
    private static final long MIB = 1 << 20;
    private final Fixtures.MemoryBaselines baselines = new Fixtures.MemoryBaselines();
    private final UploadAnomalyRule rule = new UploadAnomalyRule(baselines);
    private final ToolMatch tool = tool("chatgpt", SanctionStatus.SANCTIONED, 30);

    private List<Detection> upload(String user, int hour, long bytes) {
        return rule.evaluate(event(user, tool, T0.plus(Duration.ofHours(hour))).setBytesOut(bytes).build(), context(null));
    }

    @Test
    void aVolumeFarAboveTheUsersAndDepartmentsBaselineAboveTheFloorIsAnomalous() {
        for (int hour = 0; hour < 5; hour++) {
            assertThat(upload("alice", hour, 10 * MIB)).isEmpty();
            assertThat(upload("bob", hour, 12 * MIB)).isEmpty();
        }
        assertThat(upload("alice", 5, 400 * MIB)).singleElement().satisfies(d -> {
            assertThat(d.toolKey()).isEqualTo(Detection.NO_TOOL);
            assertThat(d.attributes()).containsEntry("windowBytes", Long.toString(400 * MIB));
            assertThat(d.window()).isEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void theFloorSilencesSmallVolumes() {
        for (int hour = 0; hour < 5; hour++) {
            upload("alice", hour, 1000);
        }
        assertThat(upload("alice", 5, 40 * MIB)).as("far above baseline, but below the 50 MiB floor").isEmpty();
    }

    @Test
    void aUsualHeavyUploaderIsNotAnomalous() {
        for (int hour = 0; hour < 5; hour++) {
            upload("alice", hour, 300 * MIB);
        }
        assertThat(upload("alice", 5, 320 * MIB)).isEmpty();
    }

    @Test
    void unknownBytesAreSkipped() {
        assertThat(rule.evaluate(event("alice", tool, T0).build(), context(null))).isEmpty();
    }

    @Test
    void ewmaTracksMeanAndSpread() {
        Ewma ewma = Ewma.EMPTY.add(10, 0.5).add(20, 0.5);
        assertThat(ewma.mean()).isEqualTo(15.0);
        assertThat(ewma.variance()).isEqualTo(25.0);
        assertThat(ewma.samples()).isEqualTo(2);
    }
}
