package dev.sightline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.ingest.ParseOutcome;
import dev.sightline.model.AiUsageEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EveryFormatParsesTest {
    private static final int RECORDS = 2_000;

    static Stream<Arguments> formats() {
        Stream<Arguments> all = SimulationSettings.FORMATS.stream().map(f -> Arguments.of(f, true));
        Stream<Arguments> squidWithoutInterception = SimulationSettings.SQUID_FORMATS.stream()
                .map(f -> Arguments.of(f, false));
        return Stream.concat(all, squidWithoutInterception);
    }

    @ParameterizedTest(name = "{0}, TLS interception {1}")
    @MethodSource("formats")
    void twoThousandRecordsParseWithoutRejects(String format, boolean interception) {
        TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().onlyFormat(format)
                .withSquidTlsInterception(interception));
        Parsing parsing = new Parsing();
        List<String> problems = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < RECORDS; i++) {
            SimulatedRecord record = simulator.next();
            assertThat(record.format()).isEqualTo(format);
            assertThat(record.topic()).isEqualTo(TrafficSimulator.topicFor(format));
            String problem = parsing.problem(record);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            for (ParseOutcome outcome : parsing.parse(record)) {
                if (outcome instanceof ParseOutcome.Parsed parsed) {
                    events++;
                    assertMatchesLabels(parsed.event(), record);
                }
            }
        }
        assertThat(problems).as("records the real parser does not accept").isEmpty();
        // Squid with interception also writes CONNECT preambles, which are not transactions
        assertThat(events).isGreaterThanOrEqualTo(RECORDS * 3 / 4);
    }

    /** The parser reads back what the simulator meant: user, host, time, content. */
    private static void assertMatchesLabels(AiUsageEvent event, SimulatedRecord record) {
        SimulatedRecord.Labels labels = record.labels();
        if (labels.host() != null) {
            assertThat(event.getHost()).isEqualTo(labels.host());
        }
        if (event.getUser() != null) {
            String local = labels.user().substring(0, labels.user().indexOf('@'));
            assertThat(event.getUser()).contains(local);
        }
        assertThat(event.getEventTime()).isBetween(record.eventTime().minusSeconds(600),
                record.eventTime().plusSeconds(1));
        if (labels.content()) {
            assertThat(event.getContent()).isNotBlank();
        }
        if (labels.blocked() && !Objects.equals(event.getStatus(), 407)) {
            assertThat(event.getProxyAction().name()).isEqualTo("BLOCKED");
        }
    }
}
