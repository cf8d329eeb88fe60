package dev.sightline.app.cli;

import dev.sightline.app.reference.ReferenceTables;
import dev.sightline.app.runtime.EmbeddedStack;
import dev.sightline.app.runtime.PipelineDrain;
import dev.sightline.app.runtime.SchemaRegistries;
import dev.sightline.app.runtime.SightlineRuntime;
import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.detect.policy.PolicyLoad;
import dev.sightline.detect.policy.PolicyParser;
import dev.sightline.detect.policy.PolicyProblem;
import dev.sightline.detect.siem.OcsfRenderer;
import dev.sightline.detect.siem.SiemProduct;
import dev.sightline.model.Alert;
import dev.sightline.model.Policy;
import dev.sightline.model.Topic;
import dev.sightline.pipeline.BuildInfo;
import dev.sightline.pipeline.SightlineTopology;
import dev.sightline.pipeline.metrics.MetricNames;
import dev.sightline.reference.AssetImport;
import dev.sightline.reference.CatalogRecords;
import dev.sightline.reference.IdentityImport;
import dev.sightline.reference.ImportException;
import dev.sightline.reference.ImportOptions;
import dev.sightline.serde.SightlineAvroSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline over log files on the embedded broker: each alert as one OCSF JSON line on stdout (its final
 * state: an alert updated while the files were read is written once), a summary on stderr.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Runs the whole pipeline in embedded mode over log files of one format and writes each alert as one OCSF 1.8 "
                + "Detection Finding JSON line on stdout, then a summary on stderr, and exits.",
            "Reference data: the shipped AI-tool catalog (with --catalog, the organisation's overrides), and optionally "
                + "a policy, a classification table and an identity table. With no policy every catalogued AI tool is "
                + "unreviewed, so the shadow-AI rule fires for each user and tool."})
final class ReplayCommand implements Callable<Integer> {
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", completionCandidates = FormatNames.class,
            description = "Input format: ${COMPLETION-CANDIDATES}.")
    String format;

    @Option(names = "--logformat", paramLabel = "DEFINITION",
            description = "For --format squid: the site's squid.conf logformat definition.")
    String logformat;

    @Mixin
    RunOptions run;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files (one record per line).")
    List<String> files;

    @Option(names = "--policy", paramLabel = "FILE", description = "A policy (YAML, as for policy import).")
    Path policyFile;

    @Option(names = "--catalog", paramLabel = "FILE",
            description = "The organisation's catalog overrides (sanction status, approvals), as for catalog import.")
    Path catalogOverrides;

    @Option(names = "--assets", paramLabel = "FILE", description = "A classification table (CSV or JSON), as for assets import.")
    Path assetsFile;

    @Option(names = "--identities", paramLabel = "FILE", description = "An identity table (CSV or JSON), as for identities import.")
    Path identitiesFile;

    @Override
    public Integer call() throws Exception {
        LogFileArguments.requireReadable(files);
        if (files.contains(LogFileArguments.STDIN)) {
            throw new UserInputException("replay reads files, not standard input");
        }
        FormatOptions.parser(format, logformat); // a clear error for a bad format or definition, before anything starts
        Topic rawTopic = rawTopicOf(format);
        ReferenceTables tables = referenceTables();
        Map<String, String> flags = new HashMap<>();
        // every other raw topic is switched off: the run reads only what the files hold
        Topic.raw().forEach(topic -> flags.put(ConfigKeys.INGEST_FORMATS.key(topic.baseName()).name(),
                topic == rawTopic ? format : "none"));
        if (logformat != null) {
            flags.put(ConfigKeys.INGEST_LOGFORMATS.key(rawTopic.baseName()).name(), logformat);
        }
        flags.put(ConfigKeys.HTTP_PORT.name(), "0");
        run.loadConfig(flags); // validate before starting anything

        PrintWriter err = spec.commandLine().getErr();
        try (EmbeddedStack stack = EmbeddedStack.start("replay")) {
            SightlineConfig config = run.loadConfig(stack.configOverrides(flags));
            tables.publish(config);
            try (SightlineRuntime runtime = SightlineRuntime.start(config, SightlineRuntime.Mode.EMBEDDED)) {
                long lines = produce(config, config.topicName(rawTopic));
                PipelineDrain.await(config.kafkaClientProperties(), config.applicationId(),
                        SightlineTopology.sourceTopics(config), DRAIN_TIMEOUT);
                Map<String, Alert> alerts = latestAlerts(config);
                PrintWriter out = spec.commandLine().getOut();
                OcsfRenderer ocsf = new OcsfRenderer(SiemProduct.sightline(BuildInfo.version()));
                alerts.values().forEach(alert -> out.println(ocsf.render(alert)));
                out.flush();
                summary(err, lines, runtime.meters(), alerts);
            }
        }
        return 0;
    }

    /** The raw topic that carries a format by default; all Squid flavours share raw.proxy.squid. */
    private static Topic rawTopicOf(String format) {
        return Topic.raw().stream()
                .filter(topic -> topic.defaultFormat().filter(f -> format.equals(f) || format.startsWith(f + "-")).isPresent())
                .findFirst()
                .orElseThrow(() -> new UserInputException("no raw topic carries format " + format));
    }

    private ReferenceTables referenceTables() {
        Clock clock = Clock.systemUTC();
        ImportOptions options = ImportOptions.defaults();
        try {
            return new ReferenceTables(CatalogRecords.load(Optional.ofNullable(catalogOverrides), clock),
                    identitiesFile == null ? List.of() : new IdentityImport(options).read(identitiesFile),
                    assetsFile == null ? List.of() : new AssetImport(options).read(assetsFile),
                    Optional.ofNullable(policyFile).map(this::policy));
        } catch (ImportException e) {
            ReferenceImports.printProblems(spec, e.problems());
            throw new UserInputException("reference data refused; nothing was replayed");
        }
    }

    private Policy policy(Path file) {
        LogFileArguments.requireReadable(List.of(file.toString()));
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (IOException e) {
            throw new UserInputException("cannot read policy file " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
        PolicyLoad load = PolicyParser.parse(yaml, Clock.systemUTC().instant(), System.getProperty("user.name"));
        if (load instanceof PolicyLoad.Rejected rejected) {
            ReferenceImports.printProblems(spec, rejected.problems().stream().map(PolicyProblem::toString).toList());
            throw new UserInputException("policy " + file + " refused; nothing was replayed");
        }
        return ((PolicyLoad.Loaded) load).policy();
    }

    /** Sends every line of every file as one record, in order, and waits until the broker has them all. */
    private long produce(SightlineConfig config, String topic) throws IOException {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        long lines = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String file : files) {
                try (InputStream in = Files.newInputStream(Path.of(file));
                     BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
                    // ISO-8859-1 maps every byte to one char, so the bytes go out exactly as they are in the file
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (!line.isEmpty()) {
                            producer.send(new ProducerRecord<>(topic, line.getBytes(StandardCharsets.ISO_8859_1)));
                            lines++;
                        }
                    }
                }
            }
            producer.flush();
        }
        return lines;
    }

    /** Every alert of the run, the last state of each, in the order they were first raised. */
    private static Map<String, Alert> latestAlerts(SightlineConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "sightline-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Alert> alerts = new LinkedHashMap<>();
        var values = SightlineAvroSerde.forValue(Alert.class, SchemaRegistries.client(config)).deserializer();
        try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.topicName(Topic.ALERTS)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> alerts.put(record.key(), record.value()));
            }
        }
        return alerts;
    }

    private static void summary(PrintWriter err, long lines, MeterRegistry meters, Map<String, Alert> alerts) {
        Map<String, Long> byRule = new TreeMap<>();
        alerts.values().forEach(alert -> byRule.merge(alert.getRuleId(), 1L, Long::sum));
        err.printf("replayed %d lines: %d events, %d skipped, %d dead letters; %d alerts %s%n", lines,
                count(meters, "parsed"), count(meters, "skipped"), count(meters, "rejected"), alerts.size(), byRule);
        err.flush();
    }

    private static long count(MeterRegistry meters, String outcome) {
        return Math.round(meters.find(MetricNames.INGEST_RECORDS).tag(MetricNames.TAG_OUTCOME, outcome).counters()
                .stream().mapToDouble(Counter::count).sum());
    }
}
