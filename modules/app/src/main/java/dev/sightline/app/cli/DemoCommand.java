package dev.sightline.app.cli;

import dev.sightline.app.reference.DemoReferenceData;
import dev.sightline.app.runtime.EmbeddedStack;
import dev.sightline.app.runtime.SchemaRegistries;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.app.runtime.TopicTail;
import dev.sightline.app.runtime.TrafficFeeder;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.RawTopic;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Alert;
import dev.sightline.model.Topic;
import dev.sightline.serde.SightlineAvroSerde;
import dev.sightline.simulator.SimulationSettings;
import dev.sightline.simulator.TrafficSimulator;
import java.time.Clock;
import java.time.Instant;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Everything in one JVM: a real KRaft broker on loopback, an in-memory registry, the topics and the pipeline. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Runs Sightline in embedded mode: starts a real single-node Kafka broker on loopback, an in-memory schema "
                + "registry, every topic, the stream application and an HTTP server with /health and /metrics, "
                + "and prints where each listens. Stops on Ctrl-C, or by itself after --duration."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Exit by itself (code 0) after this many seconds. Default: run until Ctrl-C.")
    Long durationSeconds;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the HTTP server on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int httpPort;

    @Option(names = "--rate", paramLabel = "RECORDS_PER_S", defaultValue = "25",
            description = "Simulated raw records per second across all sources. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the traffic simulator: the same seed gives the same traffic. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        Options.requirePositive(spec, "--duration", durationSeconds);
        Options.requirePort(spec, "--http-port", httpPort);
        if (!(rate > 0) || rate > 100_000) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--rate': " + rate + " (must be more than 0 and at most 100000)");
        }
        Map<String, String> flags = Map.of(ConfigKeys.HTTP_PORT.name(), Integer.toString(httpPort));
        run.loadConfig(flags); // validate before starting anything
        PrintWriter out = spec.commandLine().getOut();
        try (Shutdown shutdown = Shutdown.install(); EmbeddedStack stack = EmbeddedStack.start("demo")) {
            SightlineConfig config = run.loadConfig(stack.configOverrides(flags));
            TrafficSimulator simulator = new TrafficSimulator(SimulationSettings.defaults().withSeed(seed)
                    .withClock(Instant.now(), rate));
            DemoReferenceData.tables(simulator.users(), Clock.systemUTC()).publish(config);
            AlertTable table = new AlertTable(out);
            try (SightlineRuntime runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED)) {
                out.printf("Sightline demo is running%n");
                out.printf("  broker     %s   (bootstrap servers: kcat, kafka-console-consumer, ...)%n", stack.bootstrapServers());
                out.printf("  registry   %s   (in-memory, this JVM only)%n", stack.registryUrl());
                out.printf("  http       %s/health  %s/metrics%n", runtime.httpUrl(), runtime.httpUrl());
                out.printf("  topics     %d, raw input on %s%n", Topic.values().length,
                        config.rawTopics().stream().map(RawTopic::topic).collect(Collectors.joining(", ")));
                out.printf("  traffic    %s records/s from %d simulated people (seed %d)%n", rate,
                        simulator.users().size(), seed);
                out.printf("%s%n%n", durationSeconds == null ? "Press Ctrl-C to stop." : "Stopping by itself in " + durationSeconds + " s.");
                table.header();
                try (TopicTail<Alert> alerts = new TopicTail<>(config.kafkaClientProperties(), config.topicName(Topic.ALERTS),
                             SightlineAvroSerde.forValue(Alert.class, SchemaRegistries.client(config)).deserializer(),
                             record -> table.row(record.value()));
                     TrafficFeeder traffic = new TrafficFeeder(simulator, config.kafkaClientProperties(),
                             record -> config.topicName(record.topic()), rate).start()) {
                    shutdown.await(durationSeconds);
                    out.printf("%nStopping after %d simulated records ...%n", traffic.sent());
                    out.flush();
                }
            }
            out.println(table.summary());
        }
        out.printf("Stopped.%n");
        return 0;
    }
}
