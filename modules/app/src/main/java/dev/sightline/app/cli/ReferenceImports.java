package dev.sightline.app.cli;

import dev.sightline.app.reference.ReferencePublisher;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.model.Topic;
import dev.sightline.reference.ImportException;
import dev.sightline.reference.ImportOptions;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What the {@code catalog import}, {@code assets import} and {@code identities import} commands share. */
final class ReferenceImports {
    private ReferenceImports() {
    }

    /** Where to publish: the configuration (file, environment) and a shortcut for the brokers. */
    static final class PublishOptions {
        @Mixin
        RunOptions run;

        @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
                description = "Kafka brokers to publish to; overrides sightline.kafka.bootstrap.servers.")
        String bootstrapServers;

        SightlineConfig loadConfig() {
            return run.loadConfig(bootstrapServers == null ? Map.of()
                    : Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers));
        }
    }

    /** How to read an export file. */
    static final class FileOptions {
        @Option(names = "--domain-suffix", paramLabel = "DOMAIN=SUFFIX",
                description = "Write DOMAIN\\name as name@SUFFIX (e.g. CORP=corp.example), as the log parsers do. "
                        + "Repeatable.")
        Map<String, String> domainSuffixes = new HashMap<>();

        @Option(names = "--ignore-unknown-fields",
                description = "Skip columns or keys that no field is known by, instead of refusing the file.")
        boolean ignoreUnknownFields;

        ImportOptions importOptions() {
            Map<String, String> suffixes = new HashMap<>();
            domainSuffixes.forEach((domain, suffix) -> suffixes.put(domain.strip().toUpperCase(Locale.ROOT),
                    suffix.strip().toLowerCase(Locale.ROOT)));
            return new ImportOptions(Clock.systemUTC(), suffixes, ignoreUnknownFields);
        }
    }

    /**
     * Validates everything first ({@code read}), then publishes in one transaction and prints a summary. Every
     * validation problem is printed and nothing is published: exit code 2.
     */
    static <T extends SpecificRecord> int importAndPublish(CommandSpec spec, PublishOptions publish, Supplier<List<T>> read,
                                                           Topic topic, Class<T> type, Function<T, String> key) {
        List<T> records;
        try {
            records = read.get();
        } catch (ImportException e) {
            printProblems(spec, e.problems());
            return CommandLine.ExitCode.USAGE;
        }
        SightlineConfig config = publish.loadConfig();
        ReferencePublisher.Published published = new ReferencePublisher(config).publish(topic, type, records, key);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("published %d records to %s in one transaction%n", published.records(), published.topic());
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    /** Prints every problem (an ImportProblem or CatalogProblem reads file:line:column: field: message). */
    static void printProblems(CommandSpec spec, List<?> problems) {
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%s: nothing imported, %d problem(s):%n", spec.qualifiedName(), problems.size());
        problems.forEach(p -> err.println("  " + p));
        err.flush();
    }
}
