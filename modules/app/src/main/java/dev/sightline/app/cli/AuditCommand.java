package dev.sightline.app.cli;

import dev.sightline.app.governance.AuditTopicVerification;
import dev.sightline.app.runtime.SchemaRegistries;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.governance.AuditChainVerifier;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The audit trail: {@code sightline audit verify}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The tamper-evident audit trail of AI data access (audit.ai-data-access).",
        subcommands = {AuditCommand.Verify.class, CommandLine.HelpCommand.class})
final class AuditCommand extends CommandGroup {
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Reads audit.ai-data-access (committed records only), recomputes every record's hash and"
                    + " checks each partition's chain: sequence gaps, broken previousHash links, altered records.",
                    "Prints one line per partition and one per problem (partition, offset, sequence).",
                    "Exit status: 0 when every chain is intact, 1 when a gap or alteration is found, 2 for usage errors."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RunOptions run;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
                description = "Kafka brokers to read from; overrides sightline.kafka.bootstrap.servers.")
        String bootstrapServers;

        @Option(names = "--from", paramLabel = "TIME", converter = EvidenceCommand.TimeConverter.class,
                description = "Check records recorded at or after this time (2026-11-01 or 2026-11-01T08:00:00Z);"
                        + " the first record read per partition anchors its chain. Default: the start of the topic.")
        Instant from;

        @Option(names = "--to", paramLabel = "TIME", converter = EvidenceCommand.TimeConverter.class,
                description = "Stop before records recorded at this time; same forms as --from."
                        + " Default: everything committed when the check starts.")
        Instant to;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5M",
                description = "How long reading the topic may take. ISO-8601 duration. Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Override
        public Integer call() {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--to (" + to + ") must be after --from (" + from + ")");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--timeout': " + timeout + " (must be positive)");
            }
            SightlineConfig config = run.loadConfig(bootstrapServers == null ? Map.of()
                    : Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers));
            String topic = config.topicName(Topic.AUDIT);
            AuditChainVerifier.Report report;
            try {
                report = new AuditTopicVerification(config.kafkaClientProperties(), SchemaRegistries.client(config), timeout)
                        .verify(topic, Optional.ofNullable(from), Optional.ofNullable(to));
            } catch (AuditTopicVerification.ReadException e) {
                throw new UserInputException(e.getMessage() + " (check --bootstrap-servers and the topic prefix)", e);
            }
            print(topic, report);
            return report.intact() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
        }

        private void print(String topic, AuditChainVerifier.Report report) {
            PrintWriter out = spec.commandLine().getOut();
            for (AuditChainVerifier.PartitionSummary p : report.partitions()) {
                out.println(p.records() == 0 ? "partition " + p.partition() + ": no records"
                        : "partition %d: %d records, sequences %d..%d, offsets %d..%d: %s".formatted(p.partition(),
                        p.records(), p.firstSequence(), p.lastSequence(), p.firstOffset(), p.lastOffset(),
                        p.intact() ? "intact" : p.problems() + " problem(s)"));
            }
            report.problems().forEach(problem -> out.println("PROBLEM " + problem));
            out.printf("%s: %d records in %d partitions: %s%n", topic, report.records(), report.partitions().size(),
                    report.intact() ? "every chain intact" : report.problems().size() + " problem(s) found");
            out.flush();
        }
    }
}
