package dev.sightline.app.cli;

import dev.sightline.app.evidence.EvidenceInput;
import dev.sightline.app.evidence.EvidencePeriod;
import dev.sightline.app.evidence.EvidenceReadException;
import dev.sightline.app.evidence.EvidenceReport;
import dev.sightline.app.evidence.EvidenceReports;
import dev.sightline.app.evidence.EvidenceTopics;
import dev.sightline.app.evidence.EvidenceWriter;
import dev.sightline.app.runtime.SchemaRegistries;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** ISO/IEC 42001 evidence: {@code sightline evidence export}. */
@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Evidence for ISO/IEC 42001 Annex A from the pipeline's topics.",
        subcommands = {EvidenceCommand.Export.class, CommandLine.HelpCommand.class})
final class EvidenceCommand extends CommandGroup {
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Reads alerts, audit.ai-data-access, ai.inventory and lineage.edges (committed records"
                    + " only) and writes, per Annex A control, the figures, alerts and audit records of the period as"
                    + " JSON and CSV, plus summary.html: inventory, sanctioned share, sensitive egress, open alerts"
                    + " and pipeline coverage."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RunOptions run;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
                description = "Kafka brokers to read from; overrides sightline.kafka.bootstrap.servers.")
        String bootstrapServers;

        @Option(names = "--from", required = true, paramLabel = "TIME", converter = TimeConverter.class,
                description = "Start of the period, inclusive: 2026-11-01 (UTC midnight) or 2026-11-01T08:00:00Z.")
        Instant from;

        @Option(names = "--to", required = true, paramLabel = "TIME", converter = TimeConverter.class,
                description = "End of the period, exclusive; same forms as --from.")
        Instant to;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Directory to write into (created if missing; existing export files are replaced).")
        Path out;

        @Option(names = "--gap", paramLabel = "DURATION",
                description = "A source without evidence records for longer than this is a telemetry gap."
                        + " ISO-8601 duration. Default: ${DEFAULT-VALUE}.")
        Duration gap = EvidenceReports.DEFAULT_GAP_THRESHOLD;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2M",
                description = "How long reading one topic may take. ISO-8601 duration. Default: ${DEFAULT-VALUE}.")
        Duration timeout;

        @Override
        public Integer call() throws IOException {
            if (!from.isBefore(to)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--to (" + to + ") must be after --from (" + from + ")");
            }
            for (Map.Entry<String, Duration> option : Map.of("--gap", gap, "--timeout", timeout).entrySet()) {
                if (option.getValue().isNegative() || option.getValue().isZero()) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "Invalid value for option '" + option.getKey() + "': " + option.getValue() + " (must be positive)");
                }
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new UserInputException("--out " + out + " exists and is not a directory");
            }
            SightlineConfig config = run.loadConfig(bootstrapServers == null ? Map.of()
                    : Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers));
            EvidenceInput input;
            try {
                input = new EvidenceTopics(config.kafkaClientProperties(), SchemaRegistries.client(config),
                        config::topicName, timeout).read(EvidenceTopics.expectedSources(config));
            } catch (EvidenceReadException e) {
                throw new UserInputException(e.getMessage() + " (check --bootstrap-servers and the topic prefix)", e);
            }
            EvidenceReport report = EvidenceReports.build(new EvidencePeriod(from, to), input, gap, Instant.now());
            int files = new EvidenceWriter().write(report, out).size();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("wrote %d files to %s: %d alerts, %d audit records, %d tools, %d lineage edges; open %s%n",
                    files, out, report.alerts().size(), report.audit().size(), report.inventory().size(),
                    report.lineage().size(), out.resolve(EvidenceWriter.SUMMARY));
            stdout.flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** A day (UTC midnight) or an ISO-8601 instant; anything else is a usage error naming the accepted forms. */
    static final class TimeConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a time: give a day (2026-11-01) or an instant (2026-11-01T08:00:00Z)");
            }
        }
    }
}
