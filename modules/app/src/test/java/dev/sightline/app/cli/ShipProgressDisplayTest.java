package dev.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.app.ship.FileStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipProgressDisplayTest {
    private static final FileStatus HALF_WAY = new FileStatus("access.log", 500, 1000, 4, 480, 1, 2, 20);

    @Test
    void liveProgressRewritesOneLineAndTheSummaryReplacesIt() {
        StringWriter err = new StringWriter();
        ShipProgressDisplay display = new ShipProgressDisplay(new PrintWriter(err, true), true);

        display.progress(List.of(HALF_WAY));
        assertThat(err.toString()).doesNotContain("\n").contains("4 lines", "lines/s", "access.log byte 500 of 1000 (50%)");

        display.summary(List.of(HALF_WAY));
        assertThat(err.toString()).contains("\r")
                .contains("ship: access.log: sent 4 lines (480 bytes), resumed at byte 20, 2 already on the topic, "
                        + "1 too long (not sent), now at byte 500 of 1000 (50%)")
                .contains("ship: total 4 lines in");
    }

    @Test
    void withoutATerminalOnlyNoticesAndTheSummaryAppear() {
        StringWriter err = new StringWriter();
        ShipProgressDisplay display = new ShipProgressDisplay(new PrintWriter(err, true), false);
        display.progress(List.of(HALF_WAY));
        assertThat(err.toString()).isEmpty();
        display.notice("access.log: resuming at byte 20");
        display.summary(List.of(new FileStatus("-", 42, -1, 3, 40, 0, 0, 0)));
        assertThat(err.toString()).doesNotContain("\r").contains("ship: access.log: resuming at byte 20\n",
                "ship: -: sent 3 lines (40 bytes), now at byte 42\n");
    }
}
