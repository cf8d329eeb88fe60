package dev.sightline.app.cli;

import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.ConfigKeys;
import dev.sightline.embedded.EmbeddedKafka;
import dev.sightline.config.RawTopic;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Topic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Override
    public Integer call() throws Exception {
        Options.requirePositive(spec, "--duration", durationSeconds);
        Options.requirePort(spec, "--http-port", httpPort);
        Map<String, String> overrides = Map.of(ConfigKeys.HTTP_PORT.name(), Integer.toString(httpPort));
        run.loadConfig(overrides); // validate before starting anything
        PrintWriter out = spec.commandLine().getOut();
        Path stateDir = Files.createTempDirectory("sightline-demo-state");
        String registry = "mock://demo-" + UUID.randomUUID();
        try (Shutdown shutdown = Shutdown.install(); EmbeddedKafka broker = EmbeddedKafka.start()) {
            SightlineConfig config = run.loadConfig(Map.of(
                    ConfigKeys.HTTP_PORT.name(), Integer.toString(httpPort),
                    ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), broker.bootstrapServers(),
                    ConfigKeys.SCHEMA_REGISTRY_URL.name(), registry,
                    ConfigKeys.STATE_DIR.name(), stateDir.toString(),
                    ConfigKeys.TOPIC_PARTITIONS.name(), "3"));
            try (SightlineRuntime runtime = SightlineRuntime.start(config)) {
                out.printf("Sightline demo is running%n");
                out.printf("  broker     %s   (bootstrap servers: kcat, kafka-console-consumer, ...)%n", broker.bootstrapServers());
                out.printf("  registry   %s   (in-memory, this JVM only)%n", registry);
                out.printf("  http       %s/health  %s/metrics%n", runtime.httpUrl(), runtime.httpUrl());
                out.printf("  topics     %d, raw input on %s%n", Topic.values().length,
                        config.rawTopics().stream().map(RawTopic::topic).collect(Collectors.joining(", ")));
                out.printf("%s%n", durationSeconds == null ? "Press Ctrl-C to stop." : "Stopping by itself in " + durationSeconds + " s.");
                out.flush();
                shutdown.await(durationSeconds);
                out.printf("Stopping ...%n");
                out.flush();
            }
        } finally {
            deleteRecursively(stateDir);
        }
        out.printf("Stopped.%n");
        return 0;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
