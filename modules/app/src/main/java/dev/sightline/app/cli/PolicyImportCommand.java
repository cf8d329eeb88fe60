package dev.sightline.app.cli;

import dev.sightline.config.ConfigKeys;
import dev.sightline.config.SightlineConfig;
import dev.sightline.detect.policy.PolicyLoad;
import dev.sightline.detect.policy.PolicyParser;
import dev.sightline.detect.policy.PolicyProblem;
import dev.sightline.model.Policy;
import dev.sightline.model.Topic;
import dev.sightline.serde.SchemaRegistryClients;
import dev.sightline.serde.SightlineAvroSerde;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Validates a policy file and publishes it to ref.policies (key = policy id) in one Kafka transaction. A refused
 * policy prints every problem with the path of its key, exits with 2 and publishes nothing; the running policy stays.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Validates a policy YAML file (see deploy/policy.example.yaml) and publishes it to ref.policies,"
                + " where the running pipeline picks it up without a restart. A policy with problems is refused as a"
                + " whole: every problem is listed and nothing is published."})
final class PolicyImportCommand implements Callable<Integer> {
    /** Long enough for a broker that is starting, short enough that a wrong address fails visibly. */
    private static final int MAX_BLOCK_MS = 30_000;

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (YAML).")
    Path file;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers; overrides sightline.kafka.bootstrap.servers of the configuration.")
    String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        PolicyLoad load = PolicyParser.parse(read(file), Instant.now(), System.getProperty("user.name"));
        if (load instanceof PolicyLoad.Rejected rejected) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("%s: policy refused, %d problem(s); nothing was published:%n", file, rejected.problems().size());
            rejected.problems().stream().map(PolicyProblem::toString).forEach(p -> err.println("  " + p));
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Policy policy = ((PolicyLoad.Loaded) load).policy();
        Map<String, String> overrides = bootstrapServers == null ? Map.of()
                : Map.of(ConfigKeys.KAFKA_BOOTSTRAP_SERVERS.name(), bootstrapServers);
        SightlineConfig config = run.loadConfig(overrides);
        String topic = config.topicName(Topic.REF_POLICIES);
        publish(config, topic, policy);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("published policy %s version %d to %s (%d tools, %d thresholds, %d suppressions)%n",
                policy.getId(), policy.getVersion(), topic, policy.getToolRules().size(),
                policy.getThresholds().size(), policy.getSuppressions().size());
        out.flush();
        return CommandLine.ExitCode.OK;
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UserInputException("cannot read policy file " + file
                    + (Files.isDirectory(file) ? " (it is a directory)" : " (missing or not readable)"));
        }
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new UserInputException("policy file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new UserInputException("cannot read policy file " + file + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static void publish(SightlineConfig config, String topic, Policy policy) throws InterruptedException {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        // one transactional id per policy: a second import of the same policy fences a stuck earlier one
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "sightline-policy-import-" + policy.getId());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        var registry = SchemaRegistryClients.create(config.schemaRegistryUrl(), registryConfig(config));
        try (KafkaProducer<String, Policy> producer = new KafkaProducer<>(props, new StringSerializer(),
                SightlineAvroSerde.forValue(Policy.class, registry).serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            try {
                producer.send(new ProducerRecord<>(topic, policy.getId(), policy)).get();
                producer.commitTransaction();
            } catch (ExecutionException | KafkaException e) {
                producer.abortTransaction();
                throw new IllegalStateException("publishing to " + topic + " failed: "
                        + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
            }
        }
    }

    /** Same registry credentials as the stream application (SightlineRuntime). */
    private static Map<String, Object> registryConfig(SightlineConfig config) {
        Map<String, Object> registry = new HashMap<>();
        config.schemaRegistryUserInfo().ifPresent(info -> {
            registry.put("basic.auth.credentials.source", "USER_INFO");
            registry.put("basic.auth.user.info", info.reveal());
        });
        config.schemaRegistryBearerToken().ifPresent(token -> registry.put("bearer.auth.token", token.reveal()));
        return registry;
    }
}
