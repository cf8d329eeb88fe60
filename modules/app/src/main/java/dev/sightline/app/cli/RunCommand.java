package dev.sightline.app.cli;

import dev.sightline.app.runtime.SightlineRuntime;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Cluster mode: the stream application against an existing Kafka cluster and schema registry. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs Sightline against an existing Kafka cluster and Confluent-compatible schema registry. Creates missing "
                + "topics, starts the stream application and serves /health and /metrics. Start more instances with the "
                + "same application id to scale out. Stops on Ctrl-C."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        var config = run.loadConfig(Map.of());
        PrintWriter out = spec.commandLine().getOut();
        try (Shutdown shutdown = Shutdown.install(); SightlineRuntime runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.CLUSTER)) {
            out.printf("Sightline is running: kafka %s, registry %s, http %s/health %s/metrics%n",
                    String.join(",", config.bootstrapServers()), config.schemaRegistryUrl(), runtime.httpUrl(),
                    runtime.httpUrl());
            out.flush();
            shutdown.await(null);
        }
        return 0;
    }
}
